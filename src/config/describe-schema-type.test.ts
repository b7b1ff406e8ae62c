import { describe, expect, it } from "@jest/globals";
import { describeSchemaType } from "./describe-schema-type.js";
import type { SchemaNode } from "./schema-node.js";

describe("describeSchemaType", () => {
  it.each<[SchemaNode, string]>([
    [{ type: "string" }, "string"],
    [{ type: "boolean" }, "boolean"],
    [{ type: "object" }, "mapping"],
    [{ type: "array", items: { type: "string" } }, "list of strings"],
    [{ type: "array", items: { $ref: "#/definitions/LegacyDeployment" } }, "list of mappings"],
    [{ type: ["string", "array"], items: { type: "string" } }, "string or list of strings"],
    [{ type: "array" }, "list"],
    [{ const: 2 }, "`2`"],
    [{}, "any value"],
  ])("describes %j as %j", (node, expected) => {
    expect(describeSchemaType(node)).toBe(expected);
  });
});
