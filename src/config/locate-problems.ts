import { CONFIG_PATH } from "./config-path.js";
import type { ConfigSourceFile } from "./config-sources.js";
import { createYamlLocator } from "./create-yaml-locator.js";
import { formatKeyPath } from "./format-key-path.js";
import type { ConfigProblem } from "./model.js";
import type { PathProblem } from "./path-problem.js";

/**
 * Attaches file and line to problems. A path is reported in the first file (the repository's own
 * comes first) that contains all of it; failing that, in the file holding its deepest existing
 * parent. Problems come out ordered by file, then line.
 */
export function locateProblems(problems: readonly PathProblem[], files: readonly ConfigSourceFile[]): ConfigProblem[] {
  const locators = files.map((file) => createYamlLocator(file.text));
  const located = problems.map((problem) => {
    let best: { fileIndex: number; line: number; depth: number } | undefined;
    locators.forEach((locate, fileIndex) => {
      const location = locate(problem.path);
      if (location !== undefined && (best === undefined || location.depth > best.depth)) best = { fileIndex, ...location };
    });
    const file = files[best?.fileIndex ?? 0]?.file ?? CONFIG_PATH;
    const located: ConfigProblem = { file, key: formatKeyPath(problem.path), message: problem.message };
    return { order: best?.fileIndex ?? 0, problem: best === undefined ? located : { ...located, line: best.line } };
  });
  located.sort((a, b) => a.order - b.order || (a.problem.line ?? 0) - (b.problem.line ?? 0));
  return located.map((entry) => entry.problem);
}
