import { describe, expect, it } from "@jest/globals";
import { checkConfig } from "./check-config.js";

describe("checkConfig", () => {
  it.each([
    ["null", null, /^no targets: the file is empty/],
    ["an empty mapping", {}, /^no targets: add at least one/],
    ["a list", ["production"], /^the file must be a mapping/],
    ["a string", "production", /^the file must be a mapping/],
    ["an unsupported version", { version: 3, production: {} }, /^unsupported `version: 3`/],
  ])("rejects %s", (_name, doc, message) => {
    expect(checkConfig(doc)).toEqual({
      ok: false,
      problems: [{ path: expect.any(Array), message: expect.stringMatching(message) }],
    });
  });

  it("stops at schema errors before checking templates", () => {
    const result = checkConfig({ production: { environment: "${{ nope }}", task: 1 } });

    expect(result).toEqual({ ok: false, problems: [{ path: ["production", "task"], message: expect.any(String) }] });
  });

  it("reports template and ref pattern errors together", () => {
    const result = checkConfig({ version: 2, targets: { p: { environment: "${{ nope }}", auto_deploy_on: "main" } } });

    expect(result).toMatchObject({
      ok: false,
      problems: [{ path: ["targets", "p", "environment"] }, { path: ["targets", "p", "auto_deploy_on"] }],
    });
  });

  it("checks default_target after the schema, with the other cross-field checks", () => {
    const result = checkConfig({ version: 2, default_target: "prod", targets: { p: { auto_deploy_on: "main" } } });

    expect(result).toMatchObject({
      ok: false,
      problems: [
        { path: ["targets", "p", "auto_deploy_on"] },
        { path: ["default_target"], message: expect.stringContaining("`p`") },
      ],
    });
  });

  it("does not check default_target while the schema fails", () => {
    const result = checkConfig({ version: 2, default_target: "prod", targets: { p: { allow_forks: "yes" } } });

    expect(result).toEqual({ ok: false, problems: [{ path: ["targets", "p", "allow_forks"], message: expect.any(String) }] });
  });

  it("migrates v1 and records the source version", () => {
    const result = checkConfig({ production: { deployments: [{ task: "t" }] } });

    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      config: {
        sourceVersion: 1,
        targets: [
          { name: "production", task: "t", requiredContexts: [], deployers: undefined, allowForks: false, allowDrafts: true },
        ],
        defaultTarget: undefined,
        commandPrefix: "/",
        notifications: [],
      },
    });
  });

  it("does not change its input", () => {
    const doc = { production: { deployments: [{ task: "t" }] } };

    checkConfig(doc);

    expect(doc).toEqual({ production: { deployments: [{ task: "t" }] } });
  });
});
