import type { Target } from "../config/model.js";
import type { CommandDecision } from "../engine/decide-command-deploy.js";
import { createClaimedDeployment } from "../handlers/create-claimed-deployment.js";
import { RetryLater } from "../queue/retry-later.js";
import { recordDecision, type DecisionOutcome } from "../handlers/record-decision.js";
import type { CommandContext } from "./command-context.js";
import { refusal, sentence } from "./reply.js";

/**
 * Creates the deployment a command asked for, once per comment: the claim is keyed by the comment,
 * so a redelivered or re-run command does not deploy twice, while a later command may redeploy
 * the same commit (a rollback).
 */
export async function createCommandDeployment(
  ctx: CommandContext,
  target: Target,
  decision: Extract<CommandDecision, { action: "deploy" }>,
  subject: Omit<DecisionOutcome, "reason" | "message">,
): Promise<string> {
  const { deps, comment } = ctx;
  const { request, environment } = decision;
  const claim = {
    repoId: deps.repo.id,
    environment,
    sha: subject.sha,
    target: target.name,
    ref: subject.ref,
    pr: comment.pr,
    transient: request.transient_environment,
    via: `comment:${comment.id}`,
  };
  const outcome = await createClaimedDeployment(deps, claim, request);
  if (outcome.kind === "in_progress") {
    throw new RetryLater(`this comment's deployment of ${subject.sha.slice(0, 7)} is in flight elsewhere`, outcome.retryAt);
  }
  if (outcome.kind === "already_claimed") {
    return sentence(`This comment already deployed ${subject.sha.slice(0, 7)} to ${environment}.`);
  }
  if (outcome.kind === "created") {
    const message = `${decision.message} Deployment ${outcome.id} created.`;
    await recordDecision(deps, { ...subject, reason: "deployed", message });
    const deployed = sentence(
      `Deployed ${subject.sha.slice(0, 7)} (${subject.ref}) to ${environment}: deployment ${outcome.id}, by @${comment.author}.`,
    );
    // Environment names may carry a branch name (templates): no character of it may end the link.
    const path = encodeURIComponent(environment).replace(
      /[()'!*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    const link = `${comment.repositoryUrl}/deployments/${path}`;
    return `${deployed}\n\n[The deployments of ${sentence(environment)}](${link})`;
  }

  const reason = outcome.kind === "not_now" ? "waiting_for_checks" : "github_error";
  const status = outcome.kind === "not_now" ? "" : ` (${outcome.status ?? "no answer"})`;
  const message = `GitHub did not create the deployment${status}: ${outcome.message}. Comment again to retry.`;
  await recordDecision(deps, { ...subject, reason, message });
  return refusal(reason, message);
}
