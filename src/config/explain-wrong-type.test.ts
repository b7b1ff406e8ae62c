import { describe, expect, it } from "@jest/globals";
import { explainWrongType } from "./explain-wrong-type.js";
import { deployConfigSchema } from "./schema.js";

const v2 = deployConfigSchema.definitions.TargetV2;

describe("explainWrongType", () => {
  it.each([
    [
      "a list of strings",
      ["p", "required_contexts"],
      v2.properties.required_contexts,
      "ci",
      "`p.required_contexts` must be a list of strings, e.g. `[ ci/build, ci/test ]`; found the string `ci`.",
    ],
    [
      "a string or a list",
      ["targets", "p", "auto_deploy_on"],
      v2.properties.auto_deploy_on,
      { a: 1 },
      "must be a string or list of strings, e.g. `refs/heads/main`; found a mapping.",
    ],
    [
      "a boolean written as a string",
      ["p", "auto_merge"],
      v2.properties.auto_merge,
      "off",
      "must be `true` or `false` (YAML booleans, without quotes); found the string `off` (write `true` or `false`).",
    ],
    [
      "an empty value",
      ["p", "environment"],
      v2.properties.environment,
      null,
      "must be a string, e.g. `production`; found an empty value.",
    ],
    [
      "a target",
      ["targets", "p"],
      v2,
      [1],
      "target `p` must be a mapping of settings, e.g. `environment: production`; found a list.",
    ],
  ] as const)("explains %s", (_name, path, node, value, message) => {
    expect(explainWrongType(path, node, value)).toEqual({ path, message: expect.stringContaining(message) });
  });
});
