import type { Decision } from "../engine/types.js";
import { deploy } from "./deploy.js";
import type { HandlerDeps } from "./handler-deps.js";
import { pendingRecord } from "./pending-record.js";
import { recordDecision } from "./record-decision.js";

/** Carries out the engine's decisions: keep or drop pending deploys, create deployments, record why. */
export async function applyDecisions(deps: HandlerDeps, decisions: readonly Decision[]): Promise<void> {
  for (const decision of decisions) {
    if (decision.action === "deploy") {
      await deploy(deps, decision);
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
