import type { RepoContext } from "../deploy/repo-context.js";
import { decideChecks } from "../engine/decide-checks.js";
import { answerProtectionRequests } from "./answer-protection-requests.js";
import { applyDecisions } from "./apply-decisions.js";
import { decideWithMergeGroups } from "./decide-with-merge-groups.js";
import { loadEngineState } from "./load-engine-state.js";
import { loadValidConfig } from "./load-valid-config.js";

/**
 * Re-evaluates the deploys and the protection rule requests waiting on a commit. Costs no GitHub
 * call when nothing waits on it, which is the case for almost every status and check event.
 */
export async function processCommit(deps: RepoContext, sha: string): Promise<void> {
  await decidePendingDeploys(deps, sha);
  await answerProtectionRequests(deps, await deps.store.listProtectionRequests(deps.repo.id, sha));
}

async function decidePendingDeploys(deps: RepoContext, sha: string): Promise<void> {
  const { store, repo } = deps;
  const pending = await store.listPendingBySha(repo.id, sha);
  const [first] = pending;
  if (first === undefined) return;

  const config = await loadValidConfig(deps, { ref: first.ref, sha, pr: first.pr });
  if (config === undefined) return;
  const state = await loadEngineState(deps, sha, pending);
  const decisions = await decideWithMergeGroups(deps, config, state, (known) => decideChecks({ repo, config, state: known }));
  await applyDecisions(deps, decisions, pending);
}
