import type { SchemaNode } from "./schema-node.js";

const NAMES: { readonly [type: string]: string } = {
  string: "string",
  boolean: "boolean",
  number: "number",
  integer: "integer",
  null: "null",
  object: "mapping",
};

/**
 * The type of a schema node in words, for the docs and for error messages:
 * `string`, `boolean`, `mapping`, `list of strings`, `string or list of strings`, `` `2` ``.
 */
export function describeSchemaType(node: SchemaNode): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.$ref !== undefined) return "mapping";
  const types = typeof node.type === "string" ? [node.type] : (node.type ?? []);
  return types.map((type) => describeOne(type, node)).join(" or ") || "any value";
}

function describeOne(type: string, node: SchemaNode): string {
  if (type !== "array") return NAMES[type] ?? type;
  if (node.items === undefined) return "list";
  return `list of ${plural(describeSchemaType(node.items))}`;
}

function plural(noun: string): string {
  return noun.includes(" ") || noun.startsWith("`") ? `(${noun})` : `${noun}s`;
}
