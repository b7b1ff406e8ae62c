import type { RepoContext } from "../deploy/repo-context.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { EngineState } from "../engine/types.js";

/** What the engine needs to know about a commit besides the event: its checks, where it is deployed, the locks, the time. */
export async function loadEngineState(deps: RepoContext, sha: string, pending: readonly PendingDeploy[]): Promise<EngineState> {
  const { store, repo } = deps;
  const now = deps.now();
  const [checks, deployed, locks] = await Promise.all([
    store.listChecks(repo.id, sha),
    store.listDeployedEnvironments(repo.id, sha),
    store.listLocks(repo.id, now),
  ]);
  return { pending, checks, deployedEnvironments: new Set(deployed), locks, now };
}
