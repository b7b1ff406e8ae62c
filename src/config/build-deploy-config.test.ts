import { describe, expect, it } from "@jest/globals";
import { buildDeployConfig } from "./build-deploy-config.js";

describe("buildDeployConfig", () => {
  it("applies every default to an empty target", () => {
    const config = buildDeployConfig({ version: 2, targets: { production: {} } }, 2);

    expect(config).toEqual({
      sourceVersion: 2,
      targets: [
        {
          name: "production",
          autoDeployOn: [],
          environment: "production",
          task: "deploy",
          description: "",
          payload: {},
          requiredContexts: undefined,
          autoMerge: false,
          transientEnvironment: false,
          productionEnvironment: false,
        },
      ],
    });
  });

  it.each([
    ["one ref pattern", "refs/heads/main", [{ kind: "ref", pattern: "refs/heads/main" }]],
    ["pr", "pr", [{ kind: "pull_request" }]],
    [
      "a list",
      ["refs/heads/main", "refs/tags/v*", "pr"],
      [{ kind: "ref", pattern: "refs/heads/main" }, { kind: "ref", pattern: "refs/tags/v*" }, { kind: "pull_request" }],
    ],
    ["an empty list", [], []],
  ])("normalizes auto_deploy_on: %s", (_name, autoDeployOn, expected) => {
    const config = buildDeployConfig({ version: 2, targets: { t: { auto_deploy_on: autoDeployOn } } }, 2);

    expect(config.targets[0]?.autoDeployOn).toEqual(expected);
  });

  it("keeps set values, [] required contexts and the file's target order", () => {
    const config = buildDeployConfig(
      {
        version: 2,
        targets: {
          staging: {
            environment: "pr${{ pr }}",
            task: "deploy:pr",
            description: "d",
            payload: { port: 8080 },
            required_contexts: [],
            auto_merge: true,
            transient_environment: true,
            production_environment: true,
          },
          production: { required_contexts: ["ci/build"] },
        },
      },
      1,
    );

    expect(config.sourceVersion).toBe(1);
    expect(config.targets.map((target) => target.name)).toEqual(["staging", "production"]);
    expect(config.targets[0]).toMatchObject({
      environment: "pr${{ pr }}",
      task: "deploy:pr",
      description: "d",
      payload: { port: 8080 },
      requiredContexts: [],
      autoMerge: true,
      transientEnvironment: true,
      productionEnvironment: true,
    });
    expect(config.targets[1]?.requiredContexts).toEqual(["ci/build"]);
  });

  it("does not share the default payload between targets", () => {
    const config = buildDeployConfig({ version: 2, targets: { a: {}, b: {} } }, 2);

    expect(config.targets[0]?.payload).not.toBe(config.targets[1]?.payload);
  });
});
