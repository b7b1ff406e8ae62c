import { decideTrigger } from "../engine/decide-trigger.js";
import type { TriggerFacts } from "../engine/types.js";
import { applyDecisions } from "./apply-decisions.js";
import type { HandlerDeps } from "./handler-deps.js";
import { loadValidConfig } from "./load-valid-config.js";

/** A push or a pull request head: decide every matching target and act on it. */
export async function handleTrigger(deps: HandlerDeps, trigger: TriggerFacts): Promise<void> {
  const pr = trigger.kind === "pull_request" ? trigger.pr : null;
  const config = await loadValidConfig(deps, { ref: trigger.ref, sha: trigger.sha, pr });
  if (config === undefined) return;

  const { store, repo } = deps;
  const [pending, checks, deployed] = await Promise.all([
    store.listPendingByRef(repo.id, trigger.ref),
    store.listChecks(repo.id, trigger.sha),
    store.listDeployedEnvironments(repo.id, trigger.sha),
  ]);
  const state = { pending, checks, deployedEnvironments: new Set(deployed) };
  await applyDecisions(deps, decideTrigger({ repo, trigger, config, state }));
}
