import type { DeployConfig, Target } from "../../config/model.js";
import type { RepoContext } from "../../deploy/repo-context.js";
import { resolveCommandTarget } from "../../engine/resolve-command-target.js";
import type { ActionResult } from "./action-result.js";

/** What an action refused with, for the page to show. */
export interface Refused {
  readonly refused: ActionResult;
}

/** The default branch's configuration, as every action reads it; refused when it is missing or invalid. */
export async function loadDashboardConfig(deps: RepoContext): Promise<{ readonly config: DeployConfig } | Refused> {
  const loaded = await deps.github.loadConfig();
  if (loaded.kind === "ok") return { config: loaded.config };
  const message = "The repository's .github/deploy.yml is missing or invalid.";
  return { refused: { kind: "refused", reason: "config_invalid", message } };
}

/** The target a form names (as `/deploy` resolves it) from the default branch's configuration, or the refusal. */
export async function loadDashboardTarget(deps: RepoContext, name: string): Promise<{ readonly target: Target } | Refused> {
  const loaded = await loadDashboardConfig(deps);
  if ("refused" in loaded) return loaded;
  const resolved = resolveCommandTarget(loaded.config, name);
  if ("error" in resolved) return { refused: { kind: "refused", reason: "invalid_command", message: resolved.error } };
  return { target: resolved.target };
}
