import type { EngineState } from "../engine/types.js";
import type { HandlerDeps } from "./handler-deps.js";
import type { PendingDeploy } from "../domain/deployments.js";

/** What the engine needs to know about a commit besides the event: its checks, where it is deployed, the locks. */
export async function loadEngineState(deps: HandlerDeps, sha: string, pending: readonly PendingDeploy[]): Promise<EngineState> {
  const { store, repo } = deps;
  const [checks, deployed, locks] = await Promise.all([
    store.listChecks(repo.id, sha),
    store.listDeployedEnvironments(repo.id, sha),
    store.listLocks(repo.id, deps.now()),
  ]);
  return { pending, checks, deployedEnvironments: new Set(deployed), locks };
}
