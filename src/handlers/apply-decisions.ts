import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { Decision } from "../engine/types.js";
import type { PendingRecord } from "../store/pending-store.js";
import { attemptsOf, autoDeploy } from "./auto-deploy.js";
import { pendingRecord } from "./pending-record.js";

/**
 * Carries out the engine's decisions: keep or drop pending deploys, create deployments, record why.
 * `waiting`: the pending deploys the decisions were made on.
 */
export async function applyDecisions(
  deps: RepoContext,
  decisions: readonly Decision[],
  waiting: readonly PendingRecord[],
): Promise<void> {
  for (const decision of decisions) {
    if (decision.action === "deploy") {
      await autoDeploy(deps, decision, attemptsOf(waiting, decision));
      continue;
    }
    if (decision.action === "wait") {
      await deps.store.savePending(pendingRecord(deps, decision));
    } else {
      await deps.store.deletePending(deps.repo.id, decision.target, decision.ref, decision.sha);
    }
    await recordDecision(deps, decision);
  }
}
