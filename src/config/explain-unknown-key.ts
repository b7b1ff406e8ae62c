import { findNearestKey } from "./find-nearest-key.js";
import { formatKeyPath } from "./format-key-path.js";
import { isPlainObject } from "./is-plain-object.js";
import type { KeyPath, PathProblem } from "./path-problem.js";
import type { SchemaNode } from "./schema-node.js";

/**
 * The message for a key the schema does not allow (`additionalProperties: false`): where it is,
 * the likely fix (a typo's nearest key, or a known v1→v2 move), and the allowed keys.
 */
export function explainUnknownKey(container: KeyPath, key: string, parent: SchemaNode, value: unknown): PathProblem {
  const allowed = Object.keys(parent.properties ?? {});
  const isTarget = allowed.includes("auto_deploy_on");
  const where = describeContainer(container, isTarget);
  const hint = knownMove(key, container, isTarget, value) ?? typoHint(key, allowed);
  const list = allowed.map((name) => `\`${name}\``).join(", ");
  const rest = hint === undefined ? `allowed keys are ${list}.` : `${hint} Allowed keys are ${list}.`;
  return { path: [...container, key], message: `unknown key \`${key}\` ${where}; ${rest}` };
}

function describeContainer(container: KeyPath, isTarget: boolean): string {
  const last = container.at(-1);
  if (isTarget && last !== undefined) return `in target \`${String(last)}\``;
  if (container.length === 0) return "at the top level";
  return `in \`${formatKeyPath(container)}\``;
}

function knownMove(key: string, container: KeyPath, isTarget: boolean, value: unknown): string | undefined {
  if (key === "<<") return "YAML merge keys are not supported (YAML 1.2): repeat the settings, or share them with `_extends`.";
  if (isTarget && key === "deployments") {
    return "`deployments` is a v1 key: in a `version: 2` file, write the fields of its first entry in the target itself.";
  }
  if (container.length === 0 && isPlainObject(value)) {
    return `in a \`version: 2\` file, targets go under \`targets:\`: move \`${key}\` there.`;
  }
  return undefined;
}

function typoHint(key: string, allowed: readonly string[]): string | undefined {
  const nearest = findNearestKey(key, allowed);
  return nearest === undefined ? undefined : `did you mean \`${nearest}\`?`;
}
