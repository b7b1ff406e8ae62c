import { describe, expect, it } from "@jest/globals";
import { isDeployFileV2, listFileTargets } from "./list-file-targets.js";

describe("listFileTargets", () => {
  it("lists v1 targets by their top-level key, skipping _extends", () => {
    const targets = listFileTargets({ _extends: "acme/.github", production: { task: "a" }, staging: {} });

    expect(targets).toEqual([
      { name: "production", path: ["production"], target: { task: "a" } },
      { name: "staging", path: ["staging"], target: {} },
    ]);
  });

  it("lists v2 targets under targets:", () => {
    const targets = listFileTargets({ version: 2, targets: { production: {} } });

    expect(targets).toEqual([{ name: "production", path: ["targets", "production"], target: {} }]);
  });
});

describe("isDeployFileV2", () => {
  it.each([
    [{ version: 2, targets: {} }, true],
    [{ production: {} }, false],
  ] as const)("%j -> %s", (doc, expected) => {
    expect(isDeployFileV2(doc)).toBe(expected);
  });
});
