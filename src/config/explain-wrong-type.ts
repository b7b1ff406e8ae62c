import { describeSchemaType } from "./describe-schema-type.js";
import { formatKeyPath } from "./format-key-path.js";
import { formatYamlValue } from "./format-yaml-value.js";
import type { KeyPath, PathProblem } from "./path-problem.js";
import { deployConfigSchema } from "./schema.js";
import type { SchemaNode } from "./schema-node.js";

const BOOLEAN_LOOKALIKE = /^(true|false|yes|no|on|off)$/i;

/** Top-level settings only a v2 file has; in a v1 file every top-level key is read as a target. */
const V2_SETTINGS = Object.keys(deployConfigSchema.definitions.DeployFileV2.properties).filter(
  (key) => !Object.hasOwn(deployConfigSchema.definitions.DeployFileV1.properties, key) && key !== "version" && key !== "targets",
);

/**
 * The message for a value of the wrong type: what it must be, an example from the schema, and
 * what was found (`must be a list of strings, e.g. [ ci/build, ci/test ]; found a string "ci"`).
 * A v2-only setting such as `command_prefix` in a v1 file reads as a target that is not a mapping:
 * that message asks for `version: 2` instead.
 */
export function explainWrongType(path: KeyPath, node: SchemaNode, value: unknown): PathProblem {
  const last = path.at(-1);
  const isTarget = node.properties?.["auto_deploy_on"] !== undefined;
  if (isTarget && path.length === 1 && typeof last === "string" && V2_SETTINGS.includes(last)) {
    const message = `\`${last}\` is only read in a \`version: 2\` file: add \`version: 2\` at the top and move the targets under \`targets:\`.`;
    return { path, message };
  }
  const subject = isTarget && last !== undefined ? `target \`${String(last)}\`` : `\`${formatKeyPath(path)}\``;
  return { path, message: `${subject} must be ${expected(node, isTarget)}; found ${describeValue(value)}.` };
}

function expected(node: SchemaNode, isTarget: boolean): string {
  if (isTarget) return "a mapping of settings, e.g. `environment: production`";
  const type = describeSchemaType(node);
  if (type === "boolean") return "`true` or `false` (YAML booleans, without quotes)";
  const example = node.examples?.[0];
  const article = type.startsWith("`") ? "" : "a ";
  return example === undefined ? `${article}${type}` : `${article}${type}, e.g. \`${formatYamlValue(example)}\``;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string" && BOOLEAN_LOOKALIKE.test(value)) return `the string \`${value}\` (write \`true\` or \`false\`)`;
  return `the ${typeof value} \`${formatYamlValue(value)}\``;
}
