import type { FileTarget } from "./list-file-targets.js";
import type { PathProblem } from "./path-problem.js";

/**
 * Warns where a v1 `deployments` list has more than one entry: only the first is used (as in the
 * original Deliverybot), which a reader of the file would not guess.
 */
export function checkLegacyDeployments(targets: readonly FileTarget[]): PathProblem[] {
  const warnings: PathProblem[] = [];
  for (const { path, target } of targets) {
    const deployments = "deployments" in target ? (target.deployments ?? []) : [];
    if (deployments.length <= 1) continue;
    warnings.push({
      path: [...path, "deployments", 1],
      message: `only the first entry of \`deployments\` is used; ${ignored(deployments.length - 1)}. Move the fields you need into the target.`,
    });
  }
  return warnings;
}

function ignored(count: number): string {
  return count === 1 ? "the other entry is ignored" : `the other ${count} entries are ignored`;
}
