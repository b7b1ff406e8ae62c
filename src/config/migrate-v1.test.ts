import { describe, expect, it } from "@jest/globals";
import type { DeployFileV1, TargetV1, TargetV2 } from "./config-types.js";
import { dropV1EmptyStrings, foldLegacyDeployments, migrateV1, pinV1RequiredContexts, wrapTargets } from "./migrate-v1.js";

describe("dropV1EmptyStrings", () => {
  it.each<[string, TargetV1, TargetV1]>([
    ["nothing to drop", { environment: "staging", task: "deploy:x" }, { environment: "staging", task: "deploy:x" }],
    ["empty environment", { environment: "", task: "t" }, { task: "t" }],
    ["empty task", { task: "", description: "" }, { description: "" }],
    ["unset fields stay unset", {}, {}],
  ])("%s", (_name, input, expected) => {
    expect(dropV1EmptyStrings(input)).toEqual(expected);
  });
});

describe("foldLegacyDeployments", () => {
  it.each<[string, TargetV1, TargetV2]>([
    ["no list", { environment: "prod" }, { environment: "prod" }],
    ["an empty list is dropped", { environment: "prod", deployments: [] }, { environment: "prod" }],
    [
      "the first entry fills unset fields",
      {
        auto_deploy_on: "refs/heads/master",
        deployments: [{ task: "deploy:app", environment: "production", payload: { a: 1 }, auto_merge: true, description: "d" }],
      },
      {
        auto_deploy_on: "refs/heads/master",
        task: "deploy:app",
        environment: "production",
        payload: { a: 1 },
        auto_merge: true,
        description: "d",
      },
    ],
    [
      "fields the target set win, false included",
      { environment: "staging", auto_merge: false, deployments: [{ environment: "production", auto_merge: true, task: "t" }] },
      { environment: "staging", auto_merge: false, task: "t" },
    ],
    [
      "only the first entry is used",
      { deployments: [{ task: "first" }, { task: "second", environment: "second" }] },
      { task: "first" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(foldLegacyDeployments(input)).toEqual(expected);
  });
});

describe("pinV1RequiredContexts", () => {
  it.each<[string, TargetV2, TargetV2]>([
    ["omitted becomes [] (no gate, as in v1)", { environment: "prod" }, { environment: "prod", required_contexts: [] }],
    ["[] stays []", { required_contexts: [] }, { required_contexts: [] }],
    ["a list is kept", { required_contexts: ["ci/build"] }, { required_contexts: ["ci/build"] }],
  ])("%s", (_name, input, expected) => {
    expect(pinV1RequiredContexts(input)).toEqual(expected);
  });
});

describe("wrapTargets", () => {
  it.each<[string, DeployFileV1, unknown]>([
    [
      "targets move under targets:",
      { production: { task: "t" }, staging: {} },
      { version: 2, targets: { production: { task: "t" }, staging: {} } },
    ],
    [
      "_extends stays at the top",
      { _extends: "acme/.github", production: {} },
      { version: 2, targets: { production: {} }, _extends: "acme/.github" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(wrapTargets(input, foldLegacyDeployments)).toEqual(expected);
  });

  it("keeps file order and a target named __proto__ as data", () => {
    const doc = JSON.parse('{"b": {}, "__proto__": {"task": "x"}, "a": {}}') as DeployFileV1;

    const migrated = wrapTargets(doc, foldLegacyDeployments);

    expect(Object.keys(migrated.targets)).toEqual(["b", "__proto__", "a"]);
    expect(Object.getPrototypeOf(migrated.targets)).toBe(Object.prototype);
  });
});

describe("migrateV1", () => {
  it("migrates the original Deliverybot example, keeping its meaning", () => {
    const v1: DeployFileV1 = {
      production: {
        auto_deploy_on: "refs/heads/master",
        environment: "production",
        required_contexts: [],
        payload: { port: 8080 },
      },
      staging: {
        auto_deploy_on: "pr",
        environment: "pr${{ pr }}",
        transient_environment: true,
        description: "Deploy ${{ ref }} (${{ short_sha }})",
        deployments: [{ task: "deploy:pr", auto_merge: false }],
      },
    };

    const v2 = migrateV1(v1);

    expect(v2).toEqual({
      version: 2,
      targets: {
        production: {
          auto_deploy_on: "refs/heads/master",
          environment: "production",
          required_contexts: [],
          payload: { port: 8080 },
        },
        staging: {
          auto_deploy_on: "pr",
          environment: "pr${{ pr }}",
          transient_environment: true,
          description: "Deploy ${{ ref }} (${{ short_sha }})",
          task: "deploy:pr",
          auto_merge: false,
          required_contexts: [],
        },
      },
    });
  });

  it("lets a legacy entry fill an environment left empty, as the original's || did", () => {
    const v2 = migrateV1({ production: { environment: "", deployments: [{ environment: "prod-eu" }] } });

    expect(v2.targets["production"]).toEqual({ environment: "prod-eu", required_contexts: [] });
  });

  it("keeps the permission keys of a v1 target as they are", () => {
    const permissions = { deployers: ["octocat", "my-org/release-managers"], admins: [], allow_forks: true, allow_drafts: false };

    const v2 = migrateV1({ production: { ...permissions, deployments: [{ task: "t" }] } });

    expect(v2).toEqual({ version: 2, targets: { production: { ...permissions, task: "t", required_contexts: [] } } });
  });

  it("does not change its input", () => {
    const v1: DeployFileV1 = { production: { deployments: [{ task: "t" }] } };

    migrateV1(v1);

    expect(v1).toEqual({ production: { deployments: [{ task: "t" }] } });
  });
});
