import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderConfigTypes } from "./render-config-types.js";
import { deployConfigSchema } from "./schema.js";

describe("renderConfigTypes", () => {
  it("matches the committed config-types.ts (run `npm run generate` after changing the schema)", () => {
    const committed = readFileSync(new URL("./config-types.ts", import.meta.url), "utf8");

    expect(renderConfigTypes(deployConfigSchema)).toBe(committed);
  });

  it("starts with the generated-file header", () => {
    expect(renderConfigTypes(deployConfigSchema)).toMatch(
      /^\/\/ THIS FILE IS GENERATED - DO NOT EDIT\. Run npm run generate\.\n/,
    );
  });

  it.each([
    [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, "readonly a: string;"],
    [{ type: "object", properties: { "a-b": { type: "boolean" } } }, 'readonly "a-b"?: boolean;'],
    [
      { type: "object", properties: { a: { type: "array", items: { type: ["string", "number"] } } } },
      "readonly a?: readonly (string | number)[];",
    ],
    [{ type: "object", properties: { a: { enum: ["x", "y"] } } }, 'readonly a?: "x" | "y";'],
    [
      { type: "object", properties: { a: { type: "integer", default: 3, description: "A number." } } },
      "/**\n   * A number.\n   *\n   * @default 3\n   */",
    ],
    [{ type: "object", properties: { a: { type: "object" } } }, "readonly a?: { readonly [key: string]: unknown };"],
  ] as const)("renders %j", (definition, expected) => {
    const rendered = renderConfigTypes({ definitions: { Example: definition } });

    expect(rendered).toContain(expected);
  });

  it("renders the root's if/then/else as a union of both formats", () => {
    expect(renderConfigTypes(deployConfigSchema)).toContain("export type DeployFile = DeployFileV2 | DeployFileV1;");
  });

  it("admits the declared properties in an index signature", () => {
    const rendered = renderConfigTypes({
      definitions: {
        Doc: { type: "object", properties: { _extends: { type: "string" } }, additionalProperties: { $ref: "#/definitions/T" } },
      },
    });

    expect(rendered).toContain("readonly [key: string]: T | string | undefined;");
  });
});
