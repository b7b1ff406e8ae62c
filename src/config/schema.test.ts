import { describe, expect, it } from "@jest/globals";
import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { deployConfigSchema, GITHUB_ACTOR_PATTERN, GITHUB_LOGIN_PATTERN, GITHUB_TEAM_PATTERN } from "./schema.js";
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

  it("allows the command and permission keys in v1 targets too, so every old file stays valid", () => {
    for (const key of ["deployers", "admins", "allow_forks", "allow_drafts"]) {
      expect(deployConfigSchema.definitions.TargetV1.properties).toHaveProperty(key);
    }
  });

  it("defaults allow_forks to false, allow_drafts to true and command_prefix to /", () => {
    expect(deployConfigSchema.definitions.TargetV2.properties.allow_forks.default).toBe(false);
    expect(deployConfigSchema.definitions.TargetV2.properties.allow_drafts.default).toBe(true);
    expect(deployConfigSchema.definitions.DeployFileV2.properties.command_prefix.default).toBe("/");
  });
});

const LOGIN_39 = `a${"b".repeat(38)}`;

describe("deployers and admins entries", () => {
  const validate = compileNode(deployConfigSchema.definitions.TargetV2.properties.deployers.items);

  it.each([
    ["a login", "octocat"],
    ["a one-character login", "a"],
    ["a login with hyphens and digits", "Mona-Lisa-2"],
    ["a 39-character login", LOGIN_39],
    ["a team", "my-org/release-managers"],
    ["a team slug with _ and .", "my-org/team_v2.0"],
  ])("accepts %s", (_name, value) => {
    expect(validate(value)).toBe(true);
  });

  it.each([
    ["an @-mention", "@octocat"],
    ["an @-mentioned team", "@my-org/release-managers"],
    ["a login starting with -", "-octocat"],
    ["a 40-character login", `${LOGIN_39}c`],
    ["a login with _", "octo_cat"],
    ["spaces", "octo cat"],
    ["an empty string", ""],
    ["a team without an org", "/release-managers"],
    ["an org without a team", "my-org/"],
    ["a nested team path", "my-org/eng/release"],
  ])("rejects %s", (_name, value) => {
    expect(validate(value)).toBe(false);
  });

  it.each(["octocat", LOGIN_39, `${LOGIN_39}c`, "my-org/a.b", "my_org/a", "@x", "a/b/c", ""])(
    "matches %j exactly when the login or the team pattern does",
    (value) => {
      const either = new RegExp(GITHUB_LOGIN_PATTERN).test(value) || new RegExp(GITHUB_TEAM_PATTERN).test(value);

      expect(new RegExp(GITHUB_ACTOR_PATTERN).test(value)).toBe(either);
    },
  );
});

describe("command_prefix", () => {
  const validate = compileNode(deployConfigSchema.definitions.DeployFileV2.properties.command_prefix);

  it.each([
    ["the default", "/"],
    ["one other character", "!"],
    ["a word ending in one space", "deliverybot "],
    ["an @-mention ending in one space", "@deliverybot "],
    ["20 characters", "a".repeat(20)],
    ["19 characters and a space", `${"a".repeat(19)} `],
  ])("accepts %s", (_name, value) => {
    expect(validate(value)).toBe(true);
  });

  it.each([
    ["an empty string", ""],
    ["one space", " "],
    ["a leading space", " /"],
    ["a space inside", "deliver bot"],
    ["two spaces at the end", "deliverybot  "],
    ["a tab at the end", "deliverybot\t"],
    ["a newline", "/\n"],
    ["21 characters", "a".repeat(21)],
    ["20 characters and a space", `${"a".repeat(20)} `],
  ])("rejects %s", (_name, value) => {
    expect(validate(value)).toBe(false);
  });
});
