import { stringify } from "yaml";
import { describeSchemaType } from "./describe-schema-type.js";
import type { SchemaNode } from "./schema-node.js";

const HEADER = "<!-- GENERATED from src/config/schema.ts - DO NOT EDIT. Run npm run generate. -->";
const NONE = "—";

/**
 * The Markdown configuration reference, from the schema: a table of the top-level keys and a
 * section per key with its examples, then the same for the target keys (with v1/v2 differences).
 * Written to `docs/config-reference.md` and into README.md by `scripts/generate-config-docs.mjs`.
 */
export function renderConfigReference(schema: SchemaNode): string {
  const definitions = schema.definitions ?? {};
  const v2 = definitions["DeployFileV2"] ?? {};
  const v1 = definitions["DeployFileV1"] ?? {};
  const v2Target = definitions["TargetV2"]?.properties ?? {};
  const v1Target = definitions["TargetV1"]?.properties ?? {};
  const keys = [...new Set([...Object.keys(v2Target), ...Object.keys(v1Target)])];
  const sections = [
    HEADER,
    "## Configuration reference (`.github/deploy.yml`)",
    schema.description ?? "",
    "A complete, annotated example: `deliverybot.example.yml` at the root of the Deliverybot repository.",
    "### Top level (v2)",
    table(
      ["Key", "Type", "Required", "Default", "Description"],
      Object.entries(v2.properties ?? {}).map(([key, node]) => [
        `\`${key}\``,
        describeSchemaType(node),
        v2.required?.includes(key) === true ? "yes" : "no",
        formatDefault(node),
        node.description ?? "",
      ]),
    ),
    `**v1:** ${v1.description ?? ""}`,
    ...Object.entries(v2.properties ?? {}).map(([key, node]) => keySection(key, undefined, node)),
    "### Target keys",
    table(
      ["Key", "Type", "Default", "v1 / v2"],
      keys.map((key) => {
        const node = v2Target[key] ?? v1Target[key] ?? {};
        return [`\`${key}\``, describeSchemaType(node), formatDefault(node), versionNotes(v1Target[key], v2Target[key])];
      }),
    ),
    ...keys.map((key) => keySection(key, v1Target[key], v2Target[key])),
  ];
  return `${sections.join("\n\n")}\n`;
}

function keySection(key: string, v1: SchemaNode | undefined, v2: SchemaNode | undefined): string {
  const node = v2 ?? v1 ?? {};
  const lines = [`#### \`${key}\``, "", node.description ?? ""];
  if (v1 !== undefined && v2 !== undefined && v1.description !== v2.description) {
    lines.push("", `In v1: ${v1.description ?? ""}`);
  }
  lines.push("", `Type: ${describeSchemaType(node)}. Default: ${formatDefault(node)}.`);
  const examples = node.examples ?? [];
  if (examples.length > 0) {
    lines.push("", "```yaml", ...examples.map((example) => `${key}: ${yamlValue(example)}`), "```");
  }
  return lines.join("\n");
}

function versionNotes(v1: SchemaNode | undefined, v2: SchemaNode | undefined): string {
  if (v2 === undefined) return "v1 only; not allowed in v2";
  if (v1 === undefined) return "v2 only";
  const notes: string[] = [];
  if (describeSchemaType(v1) !== describeSchemaType(v2)) notes.push(`v1: ${describeSchemaType(v1)}`);
  if (formatDefault(v1) !== formatDefault(v2)) {
    notes.push(`v1 default: ${formatDefault(v1)}; v2: ${v2.default === undefined ? "none" : formatDefault(v2)}`);
  }
  return notes.length === 0 ? "same" : notes.join("; ");
}

function formatDefault(node: SchemaNode): string {
  return node.default === undefined ? NONE : `\`${yamlValue(node.default)}\``;
}

function yamlValue(value: unknown): string {
  return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replaceAll("|", "\\|");
}
