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
          deployers: undefined,
          admins: undefined,
          allowForks: false,
          allowDrafts: true,
          coalesce: undefined,
          hooks: [],
          hookChecks: true,
          stuckAfterMs: 600_000,
          timeoutMs: 3_600_000,
          freezes: [],
          promoteFrom: [],
          soakMs: 0,
        },
      ],
      defaultTarget: undefined,
      commandPrefix: "/",
      notifications: [],
    });
  });

  it.each([
    ["a login", ["octocat"]],
    ["logins and teams", ["octocat", "my-org/release-managers"]],
    ["nobody", []],
  ])("keeps deployers and admins as listed: %s", (_name, list) => {
    const config = buildDeployConfig({ version: 2, targets: { t: { deployers: list, admins: list } } }, 2);

    expect(config.targets[0]).toMatchObject({ deployers: list, admins: list });
    expect(config.targets[0]?.deployers).not.toBe(list);
  });

  it.each([
    [{}, { allowForks: false, allowDrafts: true }],
    [{ allow_forks: true }, { allowForks: true, allowDrafts: true }],
    [{ allow_drafts: false }, { allowForks: false, allowDrafts: false }],
    [
      { allow_forks: true, allow_drafts: false },
      { allowForks: true, allowDrafts: false },
    ],
  ])("reads allow_forks and allow_drafts from %j", (target, expected) => {
    expect(buildDeployConfig({ version: 2, targets: { t: target } }, 2).targets[0]).toMatchObject(expected);
  });

  it.each([
    [{}, { hooks: [], hookChecks: true }],
    [{ hooks: ["dockerhub"] }, { hooks: ["dockerhub"], hookChecks: true }],
    [
      { hooks: [], hook_checks: false },
      { hooks: [], hookChecks: false },
    ],
  ])("reads hooks and hook_checks from %j", (target, expected) => {
    expect(buildDeployConfig({ version: 2, targets: { t: target } }, 2).targets[0]).toMatchObject(expected);
  });

  it.each([
    ["nothing set", {}, { defaultTarget: undefined, commandPrefix: "/" }],
    ["a default target", { default_target: "t" }, { defaultTarget: "t", commandPrefix: "/" }],
    ["a prefix", { command_prefix: "deliverybot " }, { defaultTarget: undefined, commandPrefix: "deliverybot " }],
  ])("reads the command settings: %s", (_name, settings, expected) => {
    expect(buildDeployConfig({ version: 2, targets: { t: {} }, ...settings }, 2)).toMatchObject(expected);
  });

  it("reads notifications, keeping omitted filters undefined (everything notifies)", () => {
    const config = buildDeployConfig(
      {
        version: 2,
        targets: { t: {} },
        notifications: [{ channel: "deploys" }, { channel: "ops", states: ["failed", "stuck"], environments: ["prod*"] }],
      },
      2,
    );

    expect(config.notifications).toEqual([
      { channel: "deploys", states: undefined, environments: undefined },
      { channel: "ops", states: ["failed", "stuck"], environments: ["prod*"] },
    ]);
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
