import type { DeployFile } from "./config-types.js";
import { findNearestKey } from "./find-nearest-key.js";
import { formatYamlValue } from "./format-yaml-value.js";
import { isDeployFileV2 } from "./list-file-targets.js";
import type { PathProblem } from "./path-problem.js";

/**
 * `default_target` must name one of the file's targets (after `_extends` is merged): the schema
 * can only check that it is a string. Reported at `default_target`, naming the targets and the
 * nearest one when the value looks like a typo. v1 files have no `default_target`.
 */
export function checkDefaultTarget(doc: DeployFile): PathProblem[] {
  if (!isDeployFileV2(doc) || doc.default_target === undefined) return [];
  const name = doc.default_target;
  const names = Object.keys(doc.targets);
  if (names.includes(name)) return [];
  const nearest = findNearestKey(name, names);
  const hint = nearest === undefined ? "" : ` Did you mean \`${nearest}\`?`;
  const list = names.map((target) => `\`${target}\``).join(", ");
  return [
    {
      path: ["default_target"],
      message: `\`default_target: ${formatYamlValue(name)}\` is not a target; write one of ${list}.${hint}`,
    },
  ];
}
