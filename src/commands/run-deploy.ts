import type { Target } from "../config/model.js";
import { decideCommandDeploy, type CommandDecision } from "../engine/decide-command-deploy.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import { recordDecision } from "../handlers/record-decision.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { createCommandDeployment } from "./create-command-deployment.js";
import { refusal, sentence } from "./reply.js";
import { resolveActor } from "./resolve-actor.js";

type DeployCommand = Extract<ParsedCommand, { kind: "deploy" }>;

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** `/deploy` and `/noop`: the pull request's head (or the ref named) to a target, through every gate. */
export async function runDeploy(ctx: CommandContext, command: DeployCommand): Promise<string> {
  const resolved = resolveCommandTarget(ctx.config, command.target);
  if ("error" in resolved) return refusal("invalid_command", resolved.error);
  const { target } = resolved;
  const { deps, comment } = ctx;

  const [actor, pr, storedHead] = await Promise.all([
    resolveActor(deps.github, comment.author, target),
    deps.github.getPullRequest(comment.pr),
    deps.store.getPullRequestHead(deps.repo.id, comment.pr),
  ]);
  const commit = await pickCommit(ctx, command.ref, pr);
  if (commit === undefined) return refusal("invalid_command", `There is no branch, tag or commit ${command.ref ?? ""} here.`);

  const [checks, locks] = await Promise.all([
    deps.store.listChecks(deps.repo.id, commit.sha),
    deps.store.listLocks(deps.repo.id, deps.now()),
  ]);
  const headMovedSinceComment =
    storedHead !== undefined && storedHead.updatedAt > comment.createdAt && storedHead.sha === pr.headSha;
  const decision = decideCommandDeploy({
    repo: deps.repo,
    target,
    actor,
    pr: { number: comment.pr, ...pr, open: pr.state === "open", headMovedSinceComment },
    commit,
    force: command.force,
    params: command.params,
    gates: "evaluate",
    state: { checks, locks },
  });
  return finishCommandDeploy(ctx, target, commit, decision, command.dryRun);
}

/**
 * Records the decision and acts on it: a dry run only says what would happen; a deploy is created
 * once per command comment.
 */
export async function finishCommandDeploy(
  ctx: CommandContext,
  target: Target,
  commit: { readonly ref: string; readonly sha: string },
  decision: CommandDecision,
  dryRun: boolean,
): Promise<string> {
  const subject = { target: target.name, ref: commit.ref, sha: commit.sha, pr: ctx.comment.pr };
  if (decision.action === "refuse") {
    await recordDecision(ctx.deps, { ...subject, reason: decision.reason, message: decision.message });
    return refusal(decision.reason, decision.message);
  }
  if (dryRun) {
    const forced = decision.request.required_contexts?.length === 0 ? " with no required checks" : "";
    return sentence(
      `Dry run: /deploy would deploy ${commit.sha.slice(0, 7)} (${commit.ref}) to ${decision.environment}${forced}. Nothing was created.`,
    );
  }
  return createCommandDeployment(ctx, target, decision, subject);
}

async function pickCommit(
  ctx: CommandContext,
  ref: string | undefined,
  pr: { readonly headRef: string; readonly headSha: string },
): Promise<{ ref: string; sha: string } | undefined> {
  if (ref === undefined) return { ref: pr.headRef, sha: pr.headSha };
  const sha = await ctx.deps.github.resolveCommit(ref);
  if (sha === undefined) return undefined;
  return { ref: FULL_SHA.test(ref) ? sha : ref, sha };
}
