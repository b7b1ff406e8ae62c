import { describe, expect, it } from "@jest/globals";
import { resolveCommandTarget } from "./resolve-command-target.js";
import { config, target } from "./test-fixtures.js";

const targets = config(target({ name: "production" }), target({ name: "staging" }));

describe("resolveCommandTarget", () => {
  it("finds a named target, case-insensitively", () => {
    expect(resolveCommandTarget(targets, "Staging")).toMatchObject({ target: { name: "staging" } });
  });

  it("falls back to the default target", () => {
    expect(resolveCommandTarget({ ...targets, defaultTarget: "production" }, undefined)).toMatchObject({
      target: { name: "production" },
    });
  });

  it.each([
    [undefined, "Name a target: this repository has production, staging"],
    ["prod", "There is no target prod; this repository has production, staging."],
  ])("explains a missing or unknown target (%s)", (name, message) => {
    expect(resolveCommandTarget(targets, name)).toMatchObject({ error: expect.stringContaining(message) });
  });
});
