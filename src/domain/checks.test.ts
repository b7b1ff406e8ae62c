import { describe, expect, it } from "@jest/globals";
import { summariseChecks, type CheckFact } from "./checks.js";

const check = (context: string, outcome: CheckFact["outcome"]): CheckFact => ({ context, source: "check_run", outcome });

describe("summariseChecks", () => {
  it.each([
    ["no check reported", [], "none", 0],
    ["every check passed", [check("build", "success"), check("lint", "success")], "success", 2],
    ["one still running", [check("build", "success"), check("lint", "pending")], "pending", 1],
    ["a failure beats a pending one", [check("build", "failure"), check("lint", "pending")], "failure", 0],
  ] as const)("%s", (_, checks, state, succeeded) => {
    const summary = summariseChecks(checks);

    expect(summary.state).toBe(state);
    expect(summary.succeeded).toBe(succeeded);
    expect(summary.total).toBe(checks.length);
  });

  it("names the failing checks in order", () => {
    const summary = summariseChecks([check("build", "failure"), check("lint", "success"), check("test", "failure")]);

    expect(summary.failing).toEqual(["build", "test"]);
  });
});
