import type { Decision } from "../engine/types.js";
import { RetryLater } from "../queue/retry-later.js";
import { createClaimedDeployment } from "./create-claimed-deployment.js";
import { pendingRecord } from "./pending-record.js";
import type { HandlerDeps } from "./handler-deps.js";
import { recordDecision } from "./record-decision.js";
import { retryDelay } from "./retry-delay.js";

type DeployDecision = Extract<Decision, { action: "deploy" }>;

/**
 * Creates one auto-deployment, exactly once per (environment, commit). GitHub's 409 on required
 * contexts keeps the deploy waiting; a 5xx, a rate limit or no answer schedules a retry, at the
 * later of the backoff and the time GitHub asked for; any other refusal is recorded with GitHub's
 * message.
 */
export async function deploy(deps: HandlerDeps, decision: DeployDecision): Promise<void> {
  const { store, repo } = deps;
  const { request } = decision;
  const claim = {
    repoId: repo.id,
    environment: request.environment,
    sha: decision.sha,
    target: decision.target,
    ref: decision.ref,
    pr: decision.pr,
    transient: request.transient_environment,
    via: "auto",
  };
  const outcome = await createClaimedDeployment(deps, claim, request);
  if (outcome.kind === "already_claimed") {
    await store.deletePending(repo.id, decision.target, decision.ref, decision.sha);
    const message = `${decision.sha.slice(0, 7)} is already deployed to ${request.environment}.`;
    await recordDecision(deps, { ...decision, reason: "already_deployed", message });
    return;
  }
  if (outcome.kind === "in_progress") {
    // Another try of this deployment is in flight (or died mid-way): the queue asks again after its lease.
    throw new RetryLater(`the deployment of ${decision.sha.slice(0, 7)} to ${request.environment} is in flight`, outcome.retryAt);
  }
  if (outcome.kind === "created") {
    await store.deletePending(repo.id, decision.target, decision.ref, decision.sha);
    await recordDecision(deps, { ...decision, message: `${decision.message} Deployment ${outcome.id} created.` });
    return;
  }
  if (outcome.kind === "not_now") {
    await store.savePending(pendingRecord(deps, decision));
    const message = `GitHub did not create the deployment yet (${outcome.message}); waiting for the next check event.`;
    await recordDecision(deps, { ...decision, reason: "waiting_for_checks", message });
    return;
  }
  if (outcome.kind === "rejected") {
    await store.deletePending(repo.id, decision.target, decision.ref, decision.sha);
    const message = `GitHub rejected the deployment (${outcome.status}): ${outcome.message}`;
    await recordDecision(deps, { ...decision, reason: "github_error", message });
    return;
  }

  await store.savePending(pendingRecord(deps, decision));
  const waiting = await store.listPendingByRef(repo.id, decision.ref);
  const attempts = waiting.find((pending) => pending.target === decision.target && pending.sha === decision.sha)?.attempts ?? 0;
  const backoffAt = deps.now().getTime() + retryDelay(attempts);
  const retryAt = new Date(Math.max(backoffAt, outcome.retryAt?.getTime() ?? 0));
  await store.deferPending(repo.id, decision.target, decision.ref, decision.sha, retryAt, outcome.message);
  const status = outcome.status === null ? "no answer" : String(outcome.status);
  const asked = outcome.retryAt !== null && outcome.retryAt.getTime() >= backoffAt ? " as GitHub asked" : "";
  const message = `GitHub could not create the deployment (${status}: ${outcome.message}); retrying at ${retryAt.toISOString()}${asked}.`;
  await recordDecision(deps, { ...decision, reason: "github_error", message });
}
