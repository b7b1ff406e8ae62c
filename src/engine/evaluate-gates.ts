import type { CheckFact } from "../domain/checks.js";

/** Where the gates of one deploy stand. */
export type GateResult =
  | { readonly status: "passed" }
  | { readonly status: "waiting"; readonly waitingFor: readonly string[] }
  | { readonly status: "failed"; readonly failed: readonly string[] };

/**
 * Evaluates required contexts against the newest known check facts of a commit.
 * `undefined` means every reported check must succeed and at least one must have reported
 * (otherwise a push would deploy before CI even started); `[]` means no gate.
 */
export function evaluateGates(required: readonly string[] | undefined, checks: readonly CheckFact[]): GateResult {
  const relevant = required === undefined ? checks : pickRequired(required, checks);
  const failed = relevant.filter((check) => check.outcome === "failure").map((check) => check.context);
  if (failed.length > 0) return { status: "failed", failed };

  const waitingFor = relevant.filter((check) => check.outcome === "pending").map((check) => check.context);
  if (required !== undefined) {
    const reported = new Set(relevant.map((check) => check.context));
    waitingFor.push(...required.filter((context) => !reported.has(context)));
  } else if (checks.length === 0) {
    waitingFor.push("any check to report");
  }
  if (waitingFor.length > 0) return { status: "waiting", waitingFor };
  return { status: "passed" };
}

function pickRequired(required: readonly string[], checks: readonly CheckFact[]): CheckFact[] {
  const names = new Set(required);
  return checks.filter((check) => names.has(check.context));
}
