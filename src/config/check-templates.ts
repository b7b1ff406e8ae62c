import { findNearestKey } from "./find-nearest-key.js";
import { formatKeyPath } from "./format-key-path.js";
import type { FileTarget } from "./list-file-targets.js";
import { TEMPLATE_VARIABLES } from "./model.js";
import type { KeyPath, PathProblem } from "./path-problem.js";
import { findUnknownVariables } from "./render-template.js";

const TEMPLATED_KEYS = ["environment", "description", "payload"] as const;
const ALLOWED = TEMPLATE_VARIABLES.map((name) => `\`${name}\``).join(", ");

/**
 * Reports `${{ … }}` templates naming unknown variables in the templated keys (environment,
 * description, every string in payload), including v1's legacy `deployments` entries, which are
 * folded into the target and rendered too.
 */
export function checkTemplates(targets: readonly FileTarget[]): PathProblem[] {
  const problems: PathProblem[] = [];
  const visit = (text: string, path: KeyPath): void => {
    for (const name of findUnknownVariables(text)) problems.push(unknownVariable(name, path));
  };
  for (const { path, target } of targets) {
    for (const key of TEMPLATED_KEYS) walkStrings(target[key], [...path, key], visit);
    const deployments = "deployments" in target ? (target.deployments ?? []) : [];
    deployments.forEach((entry, index) => {
      for (const key of TEMPLATED_KEYS) walkStrings(entry[key], [...path, "deployments", index, key], visit);
    });
  }
  return problems;
}

function unknownVariable(name: string, path: KeyPath): PathProblem {
  const where = `in \`${formatKeyPath(path)}\``;
  if (name === "") return { path, message: `empty template \`\${{ }}\` ${where}; the variables are ${ALLOWED}.` };
  const nearest = findNearestKey(name, TEMPLATE_VARIABLES);
  const hint = nearest === undefined ? "" : ` Did you mean \`\${{ ${nearest} }}\`?`;
  return { path, message: `unknown template variable \`\${{ ${name} }}\` ${where}; the variables are ${ALLOWED}.${hint}` };
}

function walkStrings(value: unknown, path: KeyPath, visit: (text: string, path: KeyPath) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => walkStrings(item, [...path, index], visit));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}
