import type { ErrorObject } from "ajv";
import { explainPattern } from "./explain-pattern.js";
import { findNearest } from "./find-nearest.js";
import { explainUnknownKey } from "./explain-unknown-key.js";
import { explainWrongType } from "./explain-wrong-type.js";
import { formatKeyPath } from "./format-key-path.js";
import type { KeyPath, PathProblem } from "./path-problem.js";
import { pointerToPath } from "./pointer-to-path.js";
import { TARGET_NAME_PATTERN } from "./schema.js";
import type { SchemaNode } from "./schema-node.js";

const TARGET_EXAMPLE = "`production: { auto_deploy_on: refs/heads/main }`";

/**
 * Turns one ajv error (from a validator compiled with `verbose: true`) into a problem that says
 * how to fix it. Returns undefined for errors that only repeat another one: the `if` wrapper and
 * the inner errors of `propertyNames`.
 */
export function explainSchemaError(error: ErrorObject, doc: unknown): PathProblem | undefined {
  if (error.keyword === "if" || error.propertyName !== undefined) return undefined;
  const path = pointerToPath(doc, error.instancePath);
  // verbose: true puts the schema node that failed here; it is always a node of our schema.
  const node = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params["additionalProperty"]);
      return explainUnknownKey(path, key, node, (error.data as { readonly [key: string]: unknown })[key]);
    }
    case "type":
      return explainWrongType(path, node, error.data);
    case "pattern":
      return explainPattern(path, node, error.data);
    case "propertyNames":
      return explainTargetName(path, String(error.params["propertyName"]));
    case "minProperties":
      return { path, message: `no targets: add at least one under \`targets:\`, e.g. ${TARGET_EXAMPLE}.` };
    case "required":
      return explainMissing(path, String(error.params["missingProperty"]));
    case "enum":
      return explainNotAllowed(path, node, error.data);
    default:
      return { path, message: `\`${formatKeyPath(path)}\` ${error.message ?? "is invalid"}.` };
  }
}

function explainTargetName(container: KeyPath, name: string): PathProblem {
  const path = [...container, name];
  if (new RegExp(TARGET_NAME_PATTERN).test(name)) {
    return { path, message: `\`${name}\` is reserved and cannot be a target name; rename the target.` };
  }
  const fixed = name.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-|-$/g, "") || "production";
  return {
    path,
    message: `target name \`${name}\` may only contain letters, digits, \`-\`, \`_\` and \`.\`; rename it, e.g. \`${fixed}\`.`,
  };
}

/** A value outside a closed list: the list, and the nearest entry when the value looks like a typo. */
function explainNotAllowed(path: KeyPath, node: SchemaNode, value: unknown): PathProblem {
  const allowed = (node.enum ?? []).map(String);
  const nearest = typeof value === "string" ? findNearest(value, allowed, 2) : undefined;
  const hint = nearest === undefined ? "" : ` Did you mean \`${nearest}\`?`;
  const list = allowed.map((entry) => `\`${entry}\``).join(", ");
  return { path, message: `\`${formatKeyPath(path)}\` must be one of ${list}; found ${JSON.stringify(value)}.${hint}` };
}

function explainMissing(path: KeyPath, key: string): PathProblem {
  if (key === "targets") {
    return {
      path,
      message: `a \`version: 2\` file lists its targets under \`targets:\`, e.g. \`targets: { ${TARGET_EXAMPLE.slice(1, -1)} }\`.`,
    };
  }
  return { path, message: `missing required key \`${key}\`${path.length === 0 ? "" : ` in \`${formatKeyPath(path)}\``}.` };
}
