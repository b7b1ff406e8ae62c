import { describe, expect, it } from "@jest/globals";
import { checkLegacyDeployments } from "./check-legacy-deployments.js";

describe("checkLegacyDeployments", () => {
  it.each([
    ["no list", {}, []],
    ["one entry", { deployments: [{ task: "a" }] }, []],
    ["two entries", { deployments: [{ task: "a" }, { task: "b" }] }, ["the other entry is ignored"]],
    ["three entries", { deployments: [{}, {}, {}] }, ["the other 2 entries are ignored"]],
  ])("%s", (_name, target, fragments) => {
    const warnings = checkLegacyDeployments([{ name: "p", path: ["p"], target }]);

    expect(warnings.map((warning) => warning.message)).toEqual(fragments.map((fragment) => expect.stringContaining(fragment)));
    for (const warning of warnings) expect(warning.path).toEqual(["p", "deployments", 1]);
  });
});
