import { describe, expect, it } from "@jest/globals";
import { pickRollbackCommit } from "./pick-rollback-commit.js";

const entry = (sha: string, state: string | null) => ({ sha, ref: "refs/heads/main", state });

describe("pickRollbackCommit", () => {
  it.each([
    ["the previous success", [entry("c", "success"), entry("b", "failure"), entry("a", "success")], "a"],
    ["skipping redeploys of the current commit", [entry("c", "success"), entry("c", "success"), entry("b", "success")], "b"],
    [
      "the success before the current one when the newest failed",
      [entry("d", "failure"), entry("c", "success"), entry("b", "success")],
      "b",
    ],
    ["nothing with a single success", [entry("c", "success"), entry("b", "failure")], undefined],
    ["nothing without history", [], undefined],
  ])("picks %s", (_case, history, sha) => {
    expect(pickRollbackCommit(history)?.sha).toBe(sha);
  });
});
