import { describe, expect, it } from "@jest/globals";
import { evaluateGates } from "./evaluate-gates.js";
import type { CheckFact } from "../domain/checks.js";

const check = (context: string, outcome: CheckFact["outcome"], source: CheckFact["source"] = "check_run"): CheckFact => ({
  context,
  outcome,
  source,
});

describe("evaluateGates", () => {
  it("passes at once with no required contexts", () => {
    expect(evaluateGates([], [])).toEqual({ status: "passed" });
  });

  it("waits for required contexts that have not reported", () => {
    expect(evaluateGates(["build", "test"], [check("build", "success")])).toEqual({ status: "waiting", waitingFor: ["test"] });
  });

  it("waits for pending required contexts, statuses and check runs alike", () => {
    const checks = [check("ci/build", "pending", "status"), check("test", "success")];

    expect(evaluateGates(["ci/build", "test"], checks)).toEqual({ status: "waiting", waitingFor: ["ci/build"] });
  });

  it("fails when a required context failed", () => {
    expect(evaluateGates(["build"], [check("build", "failure")])).toEqual({ status: "failed", failed: ["build"] });
  });

  it("ignores checks that are not required", () => {
    expect(evaluateGates(["build"], [check("build", "success"), check("lint", "failure")])).toEqual({ status: "passed" });
  });

  it("requires every reported check when required contexts are omitted", () => {
    expect(evaluateGates(undefined, [check("build", "success"), check("lint", "failure")])).toEqual({
      status: "failed",
      failed: ["lint"],
    });
    expect(evaluateGates(undefined, [check("build", "success"), check("lint", "pending")])).toEqual({
      status: "waiting",
      waitingFor: ["lint"],
    });
    expect(evaluateGates(undefined, [check("build", "success")])).toEqual({ status: "passed" });
  });

  it("waits for a first check when required contexts are omitted and none reported yet", () => {
    expect(evaluateGates(undefined, [])).toEqual({ status: "waiting", waitingFor: ["any check to report"] });
  });
});
