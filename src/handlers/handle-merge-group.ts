import type { RepoContext } from "../deploy/repo-context.js";
import type { MergeGroupFacts } from "../domain/merge-groups.js";
import { processCommit } from "./process-commit.js";

/**
 * A merge group entered the queue (kept, so `coalesce` targets wait for it and its checks are
 * known) or left it: then what waits on its branch is decided again — the newest landed commit of
 * a drained queue deploys. One store write, one read when nothing waits; never a GitHub call.
 */
export async function handleMergeGroup(deps: RepoContext, group: MergeGroupFacts): Promise<void> {
  const { store, repo } = deps;
  if (group.action === "checks_requested") {
    const { headSha, baseRef, pr } = group;
    await store.saveMergeGroup({ repoId: repo.id, headSha, baseRef, pr, requestedAt: deps.now() });
    return;
  }
  await store.destroyMergeGroup(repo.id, group.headSha, deps.now(), group.reason);
  const waiting = await store.listPendingByRef(repo.id, group.baseRef);
  for (const sha of new Set(waiting.map((pending) => pending.sha))) await processCommit(deps, sha);
}
