import { describe, expect, it } from "@jest/globals";
import { selectAdminTarget } from "./select-admin-target.js";
import { config, target } from "./test-fixtures.js";

const production = target({ name: "production" });
const staging = target({ name: "Staging", environment: "staging" });

describe("selectAdminTarget", () => {
  it.each([
    ["a target that lists no hook", "production", "production"],
    ["a target named in another case", "staging", "Staging"],
  ])("picks %s", (_name, requested, expected) => {
    const selection = selectAdminTarget(config(production, staging), requested);

    expect("target" in selection && selection.target.name).toBe(expected);
  });

  it.each([
    [
      "a target that does not exist, naming those there are",
      config(production, staging),
      "There is no target qa in .github/deploy.yml; the targets are production, Staging.",
    ],
    [
      "any target of a configuration without targets",
      config(),
      "There is no target qa in .github/deploy.yml; it has no targets.",
    ],
  ])("refuses %s", (_name, file, message) => {
    expect(selectAdminTarget(file, "qa")).toEqual({ refusal: "unknown_target", reason: "invalid_request", message });
  });
});
