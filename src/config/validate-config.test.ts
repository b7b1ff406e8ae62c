import { describe, expect, it } from "@jest/globals";
import { validateConfig } from "./validate-config.js";

describe("validateConfig", () => {
  it.each([
    ["a v1 document", { production: { auto_deploy_on: "refs/heads/main", deployments: [{ task: "x" }] } }],
    ["a v2 document", { version: 2, targets: { production: { auto_deploy_on: ["refs/heads/main", "pr"] } } }],
    ["_extends in v1", { _extends: "acme/.github", production: {} }],
    ["_extends in v2", { version: 2, _extends: ".github", targets: { production: {} } }],
    [
      "the permission keys in v1",
      { production: { deployers: ["octocat", "acme/deployers"], admins: ["acme/sre"], allow_forks: false, allow_drafts: true } },
    ],
    [
      "the command settings and permission keys in v2",
      {
        version: 2,
        default_target: "production",
        command_prefix: "deliverybot ",
        targets: { production: { deployers: [], admins: ["octocat"], allow_forks: true, allow_drafts: false } },
      },
    ],
  ])("accepts %s", (_name, doc) => {
    expect(validateConfig(doc)).toEqual({ ok: true, doc });
  });

  it.each([
    ["v2-only list in v1", { production: { auto_deploy_on: ["refs/heads/main"] } }, [["production", "auto_deploy_on"]]],
    ["v1-only deployments in v2", { version: 2, targets: { p: { deployments: [] } } }, [["targets", "p", "deployments"]]],
    [
      "an unknown key in a legacy entry",
      { p: { deployments: [{ required_contexts: [] }] } },
      [["p", "deployments", 0, "required_contexts"]],
    ],
    [
      "several problems at once",
      { a: { task: 1 }, b: { auto_merge: "no" } },
      [
        ["a", "task"],
        ["b", "auto_merge"],
      ],
    ],
    ["a digit-named target", { "1": { task: 1 } }, [["1", "task"]]],
    ["a reserved v1 name", { version: { task: "x" } }, [["version"]]],
    [
      "bad deployers and admins entries",
      { p: { deployers: ["ok", "@no", "a/b/c"], admins: [1] } },
      [
        ["p", "deployers", 1],
        ["p", "deployers", 2],
        ["p", "admins", 0],
      ],
    ],
    ["a command_prefix with a space inside", { version: 2, command_prefix: "a b", targets: { p: {} } }, [["command_prefix"]]],
    ["a default_target that is not a string", { version: 2, default_target: 1, targets: { p: {} } }, [["default_target"]]],
  ])("rejects %s, at the path the user wrote", (_name, doc, paths) => {
    const result = validateConfig(doc);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toEqual(paths);
  });

  it("explains a reserved name", () => {
    const result = validateConfig({ targets: { task: "x" } });

    expect(result).toEqual({ ok: false, problems: [{ path: ["targets"], message: expect.stringContaining("reserved") }] });
  });
});
