import { compilePathPattern } from "./compile-path-pattern.js";
import type { FileTarget } from "./list-file-targets.js";
import type { PathProblem } from "./path-problem.js";

/**
 * Checks `paths` and `paths_ignore`, which the schema only knows as lists of strings: each pattern
 * must be one GitHub Actions would accept (and could match a file), a list must not be empty,
 * `paths_ignore` takes no `!` exclusions, `paths` must include something before it excludes, and
 * one target cannot have both keys, as in GitHub Actions.
 */
export function checkPathPatterns(targets: readonly FileTarget[]): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const { path, target } of targets) {
    const { paths, paths_ignore: ignore } = target;
    if (paths !== undefined && ignore !== undefined) {
      problems.push({
        path: [...path, "paths_ignore"],
        message:
          "`paths` and `paths_ignore` cannot both be set on one target, as in GitHub Actions; keep `paths` and exclude with `!`, e.g. `!docs/**`.",
      });
      continue;
    }
    if (paths !== undefined) problems.push(...checkList(paths, [...path, "paths"]));
    if (ignore !== undefined) problems.push(...checkList(ignore, [...path, "paths_ignore"]));
  }
  return problems;
}

function checkList(patterns: readonly string[], path: readonly (string | number)[]): PathProblem[] {
  const key = path[path.length - 1];
  if (patterns.length === 0) {
    return [{ path, message: `\`${key}\` is empty; list at least one pattern, e.g. \`services/api/**\`, or remove the key.` }];
  }
  const problems: PathProblem[] = [];
  patterns.forEach((pattern, index) => {
    const compiled = compilePathPattern(pattern);
    if (!compiled.ok) problems.push({ path: [...path, index], message: `\`${pattern}\` ${compiled.reason}.` });
    else if (key === "paths_ignore" && compiled.pattern.negated) {
      problems.push({
        path: [...path, index],
        message: `\`paths_ignore\` patterns cannot start with \`!\`; to deploy for some files again, use \`paths\` with \`**\` first and \`!\` exclusions after it.`,
      });
    }
  });
  if (problems.length === 0 && key === "paths" && patterns.every((pattern) => pattern.startsWith("!"))) {
    problems.push({
      path,
      message:
        "every `paths` pattern starts with `!`, so no file can match and the target never deploys; put what to include first, e.g. `**`.",
    });
  }
  return problems;
}
