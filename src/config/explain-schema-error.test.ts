import { describe, expect, it } from "@jest/globals";
import type { ErrorObject } from "ajv";
import { explainSchemaError } from "./explain-schema-error.js";
import { deployConfigSchema } from "./schema.js";

const error = (overrides: Partial<ErrorObject>): ErrorObject => ({
  keyword: "x",
  instancePath: "",
  schemaPath: "#",
  params: {},
  ...overrides,
});

describe("explainSchemaError", () => {
  it.each([
    ["the if wrapper", error({ keyword: "if" })],
    ["an inner propertyNames error", error({ keyword: "pattern", propertyName: "bad name" })],
  ])("skips %s, which only repeats another error", (_name, input) => {
    expect(explainSchemaError(input, {})).toBeUndefined();
  });

  it("explains a missing key generically", () => {
    const problem = explainSchemaError(error({ keyword: "required", instancePath: "/a", params: { missingProperty: "b" } }), {
      a: {},
    });

    expect(problem).toEqual({ path: ["a"], message: "missing required key `b` in `a`." });
  });

  it("falls back to ajv's message for other keywords", () => {
    const problem = explainSchemaError(
      error({ keyword: "maxLength", instancePath: "/a/0", message: "must NOT have more than 3 characters" }),
      { a: ["long"] },
    );

    expect(problem).toEqual({ path: ["a", 0], message: "`a[0]` must NOT have more than 3 characters." });
  });

  it("explains a pattern in words, from the failing node", () => {
    const problem = explainSchemaError(
      error({
        keyword: "pattern",
        instancePath: "/p/deployers/0",
        parentSchema: deployConfigSchema.definitions.TargetV1.properties.deployers.items,
        data: "@octocat",
      }),
      { p: { deployers: ["@octocat"] } },
    );

    expect(problem).toEqual({
      path: ["p", "deployers", 0],
      message: expect.stringContaining("Write `octocat`, without the `@`."),
    });
  });

  it("suggests a valid target name", () => {
    const problem = explainSchemaError(
      error({ keyword: "propertyNames", instancePath: "/targets", params: { propertyName: "  spaced out!! " } }),
      {},
    );

    expect(problem).toEqual({ path: ["targets", "  spaced out!! "], message: expect.stringContaining("e.g. `spaced-out`") });
  });
});
