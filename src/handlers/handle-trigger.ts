import type { RepoContext } from "../deploy/repo-context.js";
import type { TriggerFacts } from "../domain/event-facts.js";
import { decideTrigger } from "../engine/decide-trigger.js";
import { applyDecisions } from "./apply-decisions.js";
import { loadEngineState } from "./load-engine-state.js";
import { loadValidConfig } from "./load-valid-config.js";

/** A push or a pull request head: decide every matching target and act on it. */
export async function handleTrigger(deps: RepoContext, trigger: TriggerFacts): Promise<void> {
  const pr = trigger.kind === "pull_request" ? trigger.pr : null;
  const config = await loadValidConfig(deps, { ref: trigger.ref, sha: trigger.sha, pr });
  if (config === undefined) return;

  const pending = await deps.store.listPendingByRef(deps.repo.id, trigger.ref);
  const state = await loadEngineState(deps, trigger.sha, pending);
  await applyDecisions(deps, decideTrigger({ repo: deps.repo, trigger, config, state }), pending);
}
