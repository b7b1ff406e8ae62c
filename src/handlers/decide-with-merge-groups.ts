import type { DeployConfig } from "../config/model.js";
import type { RepoContext } from "../deploy/repo-context.js";
import { MERGE_GROUP_MEMORY_MS, MERGE_GROUP_READ_LIMIT } from "../domain/merge-groups.js";
import { needsMergeGroups } from "../engine/needs-merge-groups.js";
import type { Decision, EngineState } from "../engine/types.js";

/**
 * Decides, reading the merge queue's recent groups only when the decisions need them (a target
 * coalesces, or a pushed commit waits for checks): then one store query and the engine once more.
 * A repository without `coalesce` whose checks passed pays nothing.
 */
export async function decideWithMergeGroups(
  deps: RepoContext,
  config: DeployConfig,
  state: EngineState,
  decide: (state: EngineState) => Decision[],
): Promise<Decision[]> {
  const first = decide(state);
  if (!needsMergeGroups(config, first)) return first;
  const since = new Date(state.now.getTime() - MERGE_GROUP_MEMORY_MS);
  const mergeGroups = await deps.store.listMergeGroups(deps.repo.id, since, MERGE_GROUP_READ_LIMIT);
  if (mergeGroups.length === 0) return first;
  return decide({ ...state, mergeGroups });
}
