import type { RepoContext } from "../deploy/repo-context.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { EngineState } from "../engine/types.js";

/**
 * What the engine needs to know about a commit besides the event: its checks, where it is deployed,
 * the locks, the time, what people said about deploying it (approvals), and for promotions each
 * environment's newest deployment (one more query). The merge queue's groups are read later, only
 * when a decision needs them (`decideWithMergeGroups`).
 */
export async function loadEngineState(deps: RepoContext, sha: string, pending: readonly PendingDeploy[]): Promise<EngineState> {
  const { store, repo } = deps;
  const now = deps.now();
  const promoting = pending.some((deploy) => deploy.trigger === "promotion");
  const [checks, deployed, locks, current, approvals] = await Promise.all([
    store.listChecks(repo.id, sha),
    store.listDeployedEnvironments(repo.id, sha),
    store.listLocks(repo.id, now),
    promoting ? store.listCurrentDeployments([repo.id]) : [],
    store.listApprovals(repo.id, sha),
  ]);
  const upstream = current.map(({ environment, sha: newest, lifecycle, stateAt }) => ({
    environment,
    sha: newest,
    lifecycle,
    stateAt,
  }));
  return { pending, checks, deployedEnvironments: new Set(deployed), locks, now, upstream, approvals, mergeGroups: [] };
}
