import type { DeployFile, FreezeWindow as FreezeWindowEntry } from "./config-types.js";
import { isDeployFileV2, type FileTarget } from "./list-file-targets.js";
import type { KeyPath, PathProblem } from "./path-problem.js";
import { readFreezeWindow } from "./read-freeze-window.js";

/**
 * What the schema cannot say about `freezes` (the file's, in v2, and each target's): a weekly
 * window's times of day, a dated window's dates and their order, and the time zone, each at the key
 * that is wrong.
 */
export function checkFreezes(doc: DeployFile, targets: readonly FileTarget[]): PathProblem[] {
  const lists: [readonly FreezeWindowEntry[] | undefined, KeyPath][] = [
    [isDeployFileV2(doc) ? doc.freezes : undefined, ["freezes"]],
    ...targets.map(({ path, target }): [readonly FreezeWindowEntry[] | undefined, KeyPath] => [
      "freezes" in target ? target.freezes : undefined,
      [...path, "freezes"],
    ]),
  ];
  const problems: PathProblem[] = [];
  for (const [windows, path] of lists) {
    (windows ?? []).forEach((entry, index) => {
      const read = readFreezeWindow(entry);
      if (!read.ok) problems.push(...read.problems.map(({ key, message }) => ({ path: [...path, index, key], message })));
    });
  }
  return problems;
}
