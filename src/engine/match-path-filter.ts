import { compilePathPattern, type PathPattern } from "../config/compile-path-pattern.js";
import type { PathFilter } from "../config/model.js";

/**
 * Whether changed files let a path filter through, as GitHub Actions decides `paths` and
 * `paths-ignore`: `paths` wants some file whose last matching pattern includes it (a later `!`
 * pattern excludes it again, a later plain one brings it back); `paths_ignore` wants some file
 * that no pattern matches. No changed file lets neither through.
 */
export function matchPathFilter(filter: PathFilter, files: readonly string[]): boolean {
  const patterns = filter.patterns.map(compileValidated);
  if (filter.kind === "paths_ignore") return files.some((file) => !patterns.some((pattern) => pattern.matches(file)));
  return files.some((file) => {
    let included = false;
    for (const pattern of patterns) if (pattern.matches(file)) included = !pattern.negated;
    return included;
  });
}

/** A pattern the configuration's validation accepted; one it did not is a bug, not a user error. */
function compileValidated(source: string): PathPattern {
  const compiled = compilePathPattern(source);
  if (!compiled.ok) throw new Error(`${JSON.stringify(source)} passed validation but ${compiled.reason}`);
  return compiled.pattern;
}
