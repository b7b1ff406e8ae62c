import { describe, expect, it } from "@jest/globals";
import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { deployConfigSchema } from "./schema.js";
import type { SchemaNode } from "./schema-node.js";

const schema: SchemaNode = deployConfigSchema;

/** Every property schema in the document, with a readable location. */
function listProperties(node: SchemaNode, at: string): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = [];
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    found.push([`${at}.${key}`, property], ...listProperties(property, `${at}.${key}`));
  }
  if (node.items !== undefined) found.push(...listProperties(node.items, `${at}[]`));
  if (typeof node.additionalProperties === "object") found.push(...listProperties(node.additionalProperties, `${at}.*`));
  return found;
}

const definitions = Object.entries(schema.definitions ?? {});
const properties = definitions.flatMap(([name, node]) => listProperties(node, name));

function compileNode(node: SchemaNode) {
  // The definitions travel along so `$ref`s inside a property resolve.
  return new Ajv({ strict: true, allowUnionTypes: true }).compile({ ...node, definitions: schema.definitions });
}

describe("deployConfigSchema", () => {
  it("matches the committed docs/deploy.schema.json for editors (run `npm run generate`)", () => {
    const committed: unknown = JSON.parse(readFileSync(new URL("../../docs/deploy.schema.json", import.meta.url), "utf8"));

    expect(committed).toEqual(deployConfigSchema);
  });

  it("compiles in ajv's strict mode", () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(deployConfigSchema)).not.toThrow();
  });

  it("covers every target key in both formats", () => {
    expect(properties.length).toBeGreaterThan(20);
  });

  it.each(properties)("%s has a description", (_where, node) => {
    expect(node.description?.length ?? 0).toBeGreaterThan(10);
  });

  it.each(definitions)("definition %s has a description", (_name, node) => {
    expect(node.description?.length ?? 0).toBeGreaterThan(10);
  });

  it("would catch a default of the wrong type", () => {
    expect(compileNode({ type: "string", default: 1 })(1)).toBe(false);
  });

  const withDefaults = properties.filter(([, node]) => node.default !== undefined);
  it.each(withDefaults)("the default of %s validates against its own schema", (_where, node) => {
    expect(compileNode(node)(node.default)).toBe(true);
  });

  const withExamples = properties.flatMap(([where, node]) =>
    (node.examples ?? []).map((example): [string, unknown, SchemaNode] => [where, example, node]),
  );
  it.each(withExamples)("the example of %s %j validates against its own schema", (_where, example, node) => {
    expect(compileNode(node)(example)).toBe(true);
  });

  it("gives v2's required_contexts no default: omitted means every check must pass", () => {
    expect(deployConfigSchema.definitions.TargetV2.properties.required_contexts).not.toHaveProperty("default");
    expect(deployConfigSchema.definitions.TargetV1.properties.required_contexts.default).toEqual([]);
  });

  it("keeps the same target keys in v1 and v2, except the legacy deployments list", () => {
    const v1 = Object.keys(deployConfigSchema.definitions.TargetV1.properties).filter((key) => key !== "deployments");

    expect(v1).toEqual(Object.keys(deployConfigSchema.definitions.TargetV2.properties));
  });
});
