import type { DeployConfig } from "../config/model.js";
import type { HookTargetSelection } from "./select-hook-target.js";

/**
 * The target the admin API names (case-insensitively): any target of the configuration, no `hooks`
 * opt-in needed; otherwise `unknown_target` with a sentence listing the targets.
 */
export function selectAdminTarget(config: DeployConfig, requested: string): HookTargetSelection {
  const target = config.targets.find((candidate) => candidate.name.toLowerCase() === requested.toLowerCase());
  if (target !== undefined) return { target };
  const names = config.targets.map((candidate) => candidate.name).join(", ");
  const message = `There is no target ${requested} in .github/deploy.yml; ${names === "" ? "it has no targets" : `the targets are ${names}`}.`;
  return { refusal: "unknown_target", reason: "invalid_request", message };
}
