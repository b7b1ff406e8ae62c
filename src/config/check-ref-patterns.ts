import type { FileTarget } from "./list-file-targets.js";
import type { KeyPath, PathProblem } from "./path-problem.js";

/** Problems with `auto_deploy_on` patterns: errors stop loading, warnings do not. */
export interface RefPatternCheck {
  readonly errors: PathProblem[];
  readonly warnings: PathProblem[];
}

/**
 * Patterns are matched against the full ref (`refs/heads/main`), so one that does not start with
 * `refs/` never matches a push. In v2 that is an error with the fix; v1 files must keep loading
 * unchanged, so there it is a warning (the original Deliverybot silently never deployed).
 */
export function checkRefPatterns(targets: readonly FileTarget[], version: 1 | 2): RefPatternCheck {
  const errors: PathProblem[] = [];
  const warnings: PathProblem[] = [];
  for (const { path, target } of targets) {
    const value = target.auto_deploy_on;
    const patterns: [string, KeyPath][] =
      typeof value === "string"
        ? [[value, [...path, "auto_deploy_on"]]]
        : (value ?? []).map((pattern, index) => [pattern, [...path, "auto_deploy_on", index]]);
    for (const [pattern, patternPath] of patterns) {
      if (pattern === "pr" || pattern.startsWith("refs/")) continue;
      if (version === 2) errors.push({ path: patternPath, message: `\`${pattern}\` is not a full ref; ${fix(pattern)}` });
      // A leading `*` matches every ref in v1 (prefix match up to the `*`): it works, so no warning.
      else if (!pattern.startsWith("*")) {
        warnings.push({
          path: patternPath,
          message: `\`${pattern}\` does not start with \`refs/\`, so it never matches a push; ${fix(pattern)}`,
        });
      }
    }
  }
  return { errors, warnings };
}

function fix(pattern: string): string {
  const suggestion = /^(heads|tags)\//.test(pattern) ? `refs/${pattern}` : `refs/heads/${pattern}`;
  return `write \`${suggestion}\` (refs/heads/NAME for a branch, refs/tags/NAME for a tag), or \`pr\` for pull requests.`;
}
