import type { DeployConfig, Target } from "../config/model.js";
import type { ReasonCode } from "../domain/reason-codes.js";

/** Why a hook request has no target to deploy: the edge answers each with its own HTTP status. */
export type HookTargetRefusal = "unknown_target" | "not_allowed" | "ambiguous";

/** The target a hook request deploys, or why there is none. */
export type HookTargetSelection =
  { readonly target: Target } | { readonly refusal: HookTargetRefusal; readonly reason: ReasonCode; readonly message: string };

/**
 * Picks the target of a hook request: the one the URL names, which must list the hook in its
 * `hooks`, or else the only target that lists it. Several such targets are refused rather than
 * guessed between: a hook deploying to production by accident is worse than one that asks.
 */
export function selectHookTarget(config: DeployConfig, hookName: string, requested: string | undefined): HookTargetSelection {
  const allowing = config.targets.filter((target) => target.hooks.includes(hookName));
  const names = allowing.map((target) => target.name).join(", ");
  if (requested !== undefined) {
    const target = config.targets.find((candidate) => candidate.name.toLowerCase() === requested.toLowerCase());
    if (target === undefined) {
      const hint = allowing.length === 0 ? "no target lists it in `hooks`" : `it may deploy ${names}`;
      const message = `There is no target ${requested}; ${hint}.`;
      return { refusal: "unknown_target", reason: "invalid_request", message };
    }
    if (!target.hooks.includes(hookName)) {
      const message = `Target ${target.name} does not allow hook ${hookName}: add it to the target's \`hooks\` to let it deploy.`;
      return { refusal: "not_allowed", reason: "not_permitted", message };
    }
    return { target };
  }
  const [only, ...others] = allowing;
  if (only === undefined) {
    const message = `No target allows hook ${hookName}: list it in a target's \`hooks\` in .github/deploy.yml.`;
    return { refusal: "not_allowed", reason: "not_permitted", message };
  }
  if (others.length > 0) {
    const message = `Targets ${names} allow hook ${hookName}; name one in the URL: /hooks/deploy/<hook-id>/<target>.`;
    return { refusal: "ambiguous", reason: "invalid_request", message };
  }
  return { target: only };
}
