import { describe, expect, it } from "@jest/globals";
import { checkRefPatterns } from "./check-ref-patterns.js";

const target = (auto_deploy_on: string | string[]) => [{ name: "p", path: ["p"], target: { auto_deploy_on } }];

describe("checkRefPatterns", () => {
  it.each([
    ["a full branch ref", "refs/heads/main"],
    ["a tag glob", "refs/tags/v*"],
    ["pr", "pr"],
    ["a list of them", ["refs/heads/main", "pr"]],
  ])("accepts %s in both versions", (_name, value) => {
    expect(checkRefPatterns(target(value), 2)).toEqual({ errors: [], warnings: [] });
    expect(checkRefPatterns(target(value), 1)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ["main", "refs/heads/main"],
    ["heads/main", "refs/heads/main"],
    ["tags/v*", "refs/tags/v*"],
    ["*", "refs/heads/*"],
  ])("rejects %j in v2 with the fix %j", (pattern, fix) => {
    const { errors, warnings } = checkRefPatterns(target(pattern), 2);

    expect(warnings).toEqual([]);
    expect(errors).toEqual([{ path: ["p", "auto_deploy_on"], message: expect.stringContaining(`write \`${fix}\``) }]);
  });

  it("points at the list entry in v2", () => {
    expect(checkRefPatterns(target(["refs/heads/main", "main"]), 2).errors[0]?.path).toEqual(["p", "auto_deploy_on", 1]);
  });

  it("only warns in v1, where the file must keep loading", () => {
    const { errors, warnings } = checkRefPatterns(target("master"), 1);

    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ path: ["p", "auto_deploy_on"], message: expect.stringContaining("never matches a push") }]);
  });

  it("does not warn about a v1 pattern starting with *, which matches every ref", () => {
    expect(checkRefPatterns(target("*"), 1)).toEqual({ errors: [], warnings: [] });
  });
});
