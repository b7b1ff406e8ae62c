import { deployOnce } from "../deploy/deploy-once.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { DeployDecision } from "../engine/types.js";
import { RetryLater } from "../queue/retry-later.js";
import { AUTO_CLAIM } from "../store/claim-store.js";
import type { PendingRecord } from "../store/pending-store.js";
import { pendingRecord } from "./pending-record.js";

/**
 * Creates one auto-deployment, exactly once per (environment, commit), and keeps the pending
 * record in step with the outcome: gone once deployed, already deployed or rejected; kept while
 * GitHub's own verification (409) says not yet; kept with its retry time when GitHub failed.
 * `attempts`: its failed attempts so far.
 */
export async function autoDeploy(deps: RepoContext, decision: DeployDecision, attempts: number): Promise<void> {
  const { request } = decision;
  const claim = {
    repoId: deps.repo.id,
    environment: request.environment,
    sha: decision.sha,
    target: decision.target,
    ref: decision.ref,
    pr: decision.pr,
    transient: request.transient_environment,
    via: AUTO_CLAIM,
  };
  const { message, watch } = decision;
  const outcome = await deployOnce(deps, { claim, request, message, watch, waiting: { attempts } });
  const { store, repo } = deps;
  switch (outcome.kind) {
    case "in_flight":
      // Another try of this deployment is in flight (or died mid-way): the queue asks again after its lease.
      throw new RetryLater(outcome.message, outcome.retryAt);
    case "not_now":
      await store.savePending(pendingRecord(deps, decision));
      return;
    case "github_error":
      if (outcome.retryable) {
        await store.savePending(pendingRecord(deps, decision));
        await store.deferPending(
          repo.id,
          decision.target,
          decision.ref,
          decision.sha,
          outcome.retryAt ?? deps.now(),
          outcome.detail,
        );
        return;
      }
      await store.deletePending(repo.id, decision.target, decision.ref, decision.sha);
      return;
    case "deployed":
    case "already_deployed":
    case "refused":
      await store.deletePending(repo.id, decision.target, decision.ref, decision.sha);
  }
}

/** The failed attempts of the pending deploy a decision is about, from the records it was decided on. */
export function attemptsOf(waiting: readonly PendingRecord[], decision: DeployDecision): number {
  return waiting.find((pending) => pending.target === decision.target && pending.sha === decision.sha)?.attempts ?? 0;
}
