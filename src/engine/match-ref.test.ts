import { describe, expect, it } from "@jest/globals";
import { matchRef } from "./match-ref.js";

describe("matchRef", () => {
  it.each([
    ["refs/heads/main", "refs/heads/main", true],
    ["refs/heads/main", "refs/heads/main2", false],
    ["refs/heads/main", "refs/heads/mai", false],
    ["refs/heads/*", "refs/heads/feature/x", true],
    ["refs/heads/*", "refs/tags/v1", false],
    ["refs/tags/v*", "refs/tags/v1.2.3", true],
    ["refs/tags/v*", "refs/tags/release-1", false],
    ["refs/heads/release-*-hotfix", "refs/heads/release-2-hotfix", true],
    ["refs/heads/release-*-hotfix", "refs/heads/release-2-hotfix-x", false],
    ["refs/heads/*/*", "refs/heads/a/b", true],
    ["refs/heads/*/*", "refs/heads/ab", false],
    ["refs/heads/ab*ba", "refs/heads/aba", false],
    ["*", "refs/heads/anything", true],
  ])("%s matches %s: %s", (pattern, ref, expected) => {
    expect(matchRef(pattern, ref)).toBe(expected);
  });
});
