import { describe, expect, it } from "@jest/globals";
import { explainWrongType } from "./explain-wrong-type.js";
import { deployConfigSchema } from "./schema.js";

const v2 = deployConfigSchema.definitions.TargetV2;
const v1 = deployConfigSchema.definitions.TargetV1;

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
    [
      "a v2 setting at the top of a v1 file",
      ["command_prefix"],
      v1,
      "!",
      "`command_prefix` is only read in a `version: 2` file: add `version: 2` at the top and move the targets under `targets:`.",
    ],
    [
      "a v2 target named like a top-level setting",
      ["targets", "default_target"],
      v2,
      "x",
      "target `default_target` must be a mapping of settings",
    ],
    [
      "a list of logins",
      ["p", "deployers"],
      v2.properties.deployers,
      "octocat",
      "`p.deployers` must be a list of strings, e.g. `[ octocat, my-org/release-managers ]`; found the string `octocat`.",
    ],
  ] as const)("explains %s", (_name, path, node, value, message) => {
    expect(explainWrongType(path, node, value)).toEqual({ path, message: expect.stringContaining(message) });
  });
});
