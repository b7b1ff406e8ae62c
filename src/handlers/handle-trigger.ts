import type { RepoContext } from "../deploy/repo-context.js";
import type { ChangedFiles, TriggerFacts } from "../domain/event-facts.js";
import { decideTrigger } from "../engine/decide-trigger.js";
import { needsChangedFiles } from "../engine/needs-changed-files.js";
import { applyDecisions } from "./apply-decisions.js";
import { decideWithMergeGroups } from "./decide-with-merge-groups.js";
import { loadEngineState } from "./load-engine-state.js";
import { loadValidConfig } from "./load-valid-config.js";

/**
 * A push or a pull request head: decide every matching target and act on it. `listChangedFiles`
 * is asked only when a path filter needs the files (it may cost a call to GitHub).
 */
export async function handleTrigger(
  deps: RepoContext,
  trigger: TriggerFacts,
  listChangedFiles: () => Promise<ChangedFiles>,
): Promise<void> {
  const pr = trigger.kind === "pull_request" ? trigger.pr : null;
  const config = await loadValidConfig(deps, { ref: trigger.ref, sha: trigger.sha, pr });
  if (config === undefined) return;

  const pending = await deps.store.listPendingByRef(deps.repo.id, trigger.ref);
  const state = await loadEngineState(deps, trigger.sha, pending);
  const input = { repo: deps.repo, trigger, config, state };
  const changedFiles = needsChangedFiles(input) ? await listChangedFiles() : "unknown";
  const decisions = await decideWithMergeGroups(deps, config, state, (known) =>
    decideTrigger({ ...input, state: known, changedFiles }),
  );
  await applyDecisions(deps, decisions, pending);
}
