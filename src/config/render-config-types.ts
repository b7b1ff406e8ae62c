import { refName, type SchemaNode } from "./schema-node.js";
import { wrapComment } from "./wrap-comment.js";

const HEADER = [
  "// THIS FILE IS GENERATED - DO NOT EDIT. Run npm run generate.",
  "// Source: src/config/schema.ts, the JSON Schema of .github/deploy.yml.",
].join("\n");

/**
 * TypeScript types for the file formats, from the schema: `DeployFile` (the root) and one type per
 * definition, with descriptions and defaults as TSDoc. Written to `config-types.ts` by
 * `scripts/generate-config-docs.mjs`; a test keeps the committed file equal to this output.
 */
export function renderConfigTypes(schema: SchemaNode): string {
  const blocks = [HEADER, renderRoot(schema)];
  for (const [name, node] of Object.entries(schema.definitions ?? {})) blocks.push(renderDefinition(name, node));
  return `${blocks.join("\n\n")}\n`;
}

function renderRoot(schema: SchemaNode): string {
  // The root selects a format with if/then/else; as a type that is the union of both branches.
  const branches = [schema.then, schema.else].filter((node): node is SchemaNode => node !== undefined);
  const type = branches.length > 0 ? branches.map((node) => renderType(node, "")).join(" | ") : renderType(schema, "");
  return [...docLines(schema, ""), `export type DeployFile = ${type};`].join("\n");
}

function renderDefinition(name: string, node: SchemaNode): string {
  const declaration =
    node.properties === undefined
      ? `export type ${name} = ${renderType(node, "")};`
      : `export interface ${name} ${renderObject(node, "")}`;
  return [...docLines(node, ""), declaration].join("\n");
}

function renderType(node: SchemaNode, indent: string): string {
  if (node.$ref !== undefined) return refName(node.$ref);
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(" | ");
  const types = typeof node.type === "string" ? [node.type] : (node.type ?? []);
  if (types.length === 0) return "unknown";
  return types.map((type) => renderSingle(type, node, indent)).join(" | ");
}

function renderSingle(type: string, node: SchemaNode, indent: string): string {
  if (type === "integer") return "number";
  if (type === "object") return renderObject(node, indent);
  if (type !== "array") return type;
  const items = node.items === undefined ? "unknown" : renderType(node.items, indent);
  return `readonly ${items.includes(" ") ? `(${items})` : items}[]`;
}

function renderObject(node: SchemaNode, indent: string): string {
  const inner = `${indent}  `;
  const properties = Object.entries(node.properties ?? {});
  const extra = node.additionalProperties;
  if (properties.length === 0 && typeof extra !== "object") return "{ readonly [key: string]: unknown }";
  const lines = ["{"];
  const propertyTypes: string[] = [];
  for (const [key, property] of properties) {
    const optional = node.required?.includes(key) === true ? "" : "?";
    const type = renderType(property, inner);
    propertyTypes.push(optional === "" ? type : `${type} | undefined`);
    lines.push(...docLines(property, inner), `${inner}readonly ${propertyKey(key)}${optional}: ${type};`);
  }
  if (extra !== false) {
    // An index signature must admit the declared properties' types too (optional ones: undefined).
    const valueTypes = typeof extra === "object" ? [renderType(extra, inner), ...propertyTypes] : ["unknown"];
    lines.push(`${inner}readonly [key: string]: ${[...new Set(valueTypes)].join(" | ")};`);
  }
  return [...lines, `${indent}}`].join("\n");
}

function docLines(node: SchemaNode, indent: string): string[] {
  const paragraphs = [node.title, node.description].filter((text): text is string => text !== undefined);
  if (node.default !== undefined) paragraphs.push(`@default ${JSON.stringify(node.default)}`);
  return paragraphs.length === 0 ? [] : wrapComment(paragraphs, indent);
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
