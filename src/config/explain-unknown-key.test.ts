import { describe, expect, it } from "@jest/globals";
import { explainUnknownKey } from "./explain-unknown-key.js";
import { deployConfigSchema } from "./schema.js";

const { TargetV2, DeployFileV2, LegacyDeployment } = deployConfigSchema.definitions;

describe("explainUnknownKey", () => {
  it.each([
    [
      "a typo in a target",
      ["targets", "prod"],
      "enviroment",
      TargetV2,
      "x",
      "unknown key `enviroment` in target `prod`; did you mean `environment`? Allowed keys are",
    ],
    [
      "an unrelated key in a target",
      ["prod"],
      "color",
      TargetV2,
      "x",
      "unknown key `color` in target `prod`; allowed keys are `auto_deploy_on`,",
    ],
    [
      "a top-level scalar",
      [],
      "foo",
      DeployFileV2,
      1,
      "unknown key `foo` at the top level; allowed keys are `version`, `targets`, `default_target`, `command_prefix`, `notifications`, `freezes`, `_extends`.",
    ],
    [
      "a camelCase top-level setting",
      [],
      "defaultTarget",
      DeployFileV2,
      "production",
      "unknown key `defaultTarget` at the top level; did you mean `default_target`?",
    ],
    [
      "a typo in a new target key",
      ["targets", "prod"],
      "allow_fork",
      TargetV2,
      true,
      "unknown key `allow_fork` in target `prod`; did you mean `allow_forks`?",
    ],
    [
      "a top-level target in v2",
      [],
      "prod",
      DeployFileV2,
      {},
      "in a `version: 2` file, targets go under `targets:`: move `prod` there.",
    ],
    ["deployments in v2", ["targets", "prod"], "deployments", TargetV2, [], "`deployments` is a v1 key"],
    ["a YAML merge key", ["prod"], "<<", TargetV2, {}, "YAML merge keys are not supported"],
    [
      "a key in a legacy entry",
      ["prod", "deployments", 0],
      "environmnt",
      LegacyDeployment,
      "x",
      "unknown key `environmnt` in `prod.deployments[0]`; did you mean `environment`?",
    ],
  ] as const)("%s", (_name, container, key, parent, value, fragment) => {
    const problem = explainUnknownKey(container, key, parent, value);

    expect(problem.path).toEqual([...container, key]);
    expect(problem.message).toContain(fragment);
  });
});
