import { describeInvalidConfig } from "../config/describe-invalid-config.js";
import type { RepoContext } from "../deploy/repo-context.js";
import { recordDecision } from "../deploy/record-decision.js";
import { decideProtectionRequest, selectProtectedTargets, type ProtectionDecision } from "../engine/decide-protection-request.js";
import { classifyGitHubFault } from "../github/github-fault.js";
import type { ConfigLoad } from "../github/load-config.js";
import { resolveActor } from "../deploy/resolve-actor.js";
import type { ProtectionRequestRecord } from "../store/protection-request-store.js";

/** What GitHub is told for each answer: a hold is a comment without a state. */
const REVIEW_STATES = { approve: "approved", reject: "rejected", hold: undefined } as const;

/** How long a request waits before it is answered again after GitHub could not take the answer. */
export const PROTECTION_RETRY_MS = 60_000;

/**
 * Answers waiting deployment protection rule requests of one repository: approved or rejected
 * (then forgotten), or held with a comment saying why (told again only when what it waits for
 * changes, so an unchanged hold costs no call) until an unlock, a freeze's end, a check, an
 * approval or a new configuration decides them again. One conditional
 * read of the configuration for all of them. GitHub refusing an answer (the run was cancelled or
 * already answered) ends the request; GitHub unavailable keeps it for the sweep a minute later.
 */
export async function answerProtectionRequests(deps: RepoContext, requests: readonly ProtectionRequestRecord[]): Promise<void> {
  if (requests.length === 0) return;
  const loaded = await deps.github.loadConfig();
  const locks = await deps.store.listLocks(deps.repo.id, deps.now());
  for (const request of requests) {
    const decision = await decide(deps, loaded, locks, request);
    await answer(deps, request, decision);
  }
}

async function decide(
  deps: RepoContext,
  loaded: ConfigLoad,
  locks: Awaited<ReturnType<RepoContext["store"]["listLocks"]>>,
  request: ProtectionRequestRecord,
): Promise<ProtectionDecision> {
  if (loaded.kind === "missing") {
    const message =
      "There is no .github/deploy.yml on the default branch, so Deliverybot has no rules for this environment; rejected.";
    return { action: "reject", target: null, reason: "invalid_request", message };
  }
  if (loaded.kind !== "ok") {
    return { action: "reject", target: null, reason: "config_invalid", message: describeInvalidConfig(loaded.problems) };
  }
  const { repo, github, store } = deps;
  const targets = selectProtectedTargets(repo, loaded.config, request);
  const [actors, checks, approvals] = await Promise.all([
    Promise.all(targets.map(async (target) => [target.name, await resolveActor(github, request.requester, target)] as const)),
    targets.some((target) => (target.requiredContexts ?? []).length > 0) ? store.listChecks(repo.id, request.sha) : [],
    targets.some((target) => target.approvals !== undefined) ? store.listApprovals(repo.id, request.sha) : [],
  ]);
  const state = { checks, locks, now: deps.now(), approvals };
  return decideProtectionRequest({ repo, request, targets, actors: new Map(actors), state });
}

async function answer(deps: RepoContext, request: ProtectionRequestRecord, decision: ProtectionDecision): Promise<void> {
  const { store } = deps;
  const key = { repoId: request.repoId, runId: request.runId, environment: request.environment };
  const told = decision.reason === request.reason && decision.message === request.message;
  if (decision.action === "hold" && told) {
    const { reason, message, wakeAt } = decision;
    if (wakeAt?.getTime() !== request.wakeAt?.getTime()) await store.holdProtectionRequest(key, { reason, message, wakeAt });
    return;
  }
  const state = REVIEW_STATES[decision.action];
  try {
    await deps.github.reviewProtectionRule({
      runId: request.runId,
      environment: request.environment,
      state,
      comment: decision.message,
    });
  } catch (error) {
    const fault = classifyGitHubFault(error, deps.now());
    const log = { runId: request.runId, environment: request.environment, fault };
    if (fault.kind === "failed") {
      deps.log.warn(log, "GitHub refused the answer to a protection rule request; it no longer waits");
      await store.deleteProtectionRequest(key);
      return;
    }
    deps.log.warn(log, "GitHub could not take the answer to a protection rule request; trying again later");
    const retryAt = fault.kind === "rate_limited" ? fault.retryAt : new Date(deps.now().getTime() + PROTECTION_RETRY_MS);
    await store.holdProtectionRequest(key, { reason: request.reason, message: request.message, wakeAt: retryAt });
    return;
  }
  const { reason, message } = decision;
  await recordDecision(deps, { target: decision.target, ref: request.ref, sha: request.sha, pr: request.pr, reason, message });
  if (decision.action === "hold") await store.holdProtectionRequest(key, { reason, message, wakeAt: decision.wakeAt });
  else await store.deleteProtectionRequest(key);
}
