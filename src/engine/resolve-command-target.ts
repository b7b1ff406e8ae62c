import type { DeployConfig, Target } from "../config/model.js";

/** The target a command names, or the repository's default; otherwise a sentence listing the targets. */
export function resolveCommandTarget(
  config: DeployConfig,
  name: string | undefined,
): { readonly target: Target } | { readonly error: string } {
  const wanted = name ?? config.defaultTarget;
  const names = config.targets.map((target) => target.name).join(", ");
  if (wanted === undefined) return { error: `Name a target: this repository has ${names} (and no \`default_target\`).` };
  const target = config.targets.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
  if (target === undefined) return { error: `There is no target ${wanted}; this repository has ${names}.` };
  return { target };
}
