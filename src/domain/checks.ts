/** The outcome of one check as the webhooks reported it, reduced to what gating needs. */
export type CheckOutcome = "pending" | "success" | "failure";

/** The newest known state of one named check (commit status context or check run name). */
export interface CheckFact {
  readonly context: string;
  readonly source: "status" | "check_run";
  readonly outcome: CheckOutcome;
}

/** A check fact as a webhook reported it and the store keeps it: newest run (highest GitHub id) per (repository, commit, context). */
export interface CheckRecord extends CheckFact {
  readonly repoId: number;
  readonly sha: string;
  /** GitHub's id of the status or check run; a higher id is a newer run. */
  readonly externalId: number;
}

/** A commit's checks taken together, as GitHub's combined state reads: any failure fails, any pending waits. */
export interface CheckSummary {
  /** `none` when no check has reported on the commit. */
  readonly state: CheckOutcome | "none";
  readonly succeeded: number;
  readonly total: number;
  /** The contexts that failed, by name. */
  readonly failing: readonly string[];
}

/** Combines the newest state of each of a commit's checks. */
export function summariseChecks(checks: readonly CheckFact[]): CheckSummary {
  const failing = checks.filter((check) => check.outcome === "failure").map((check) => check.context);
  const succeeded = checks.filter((check) => check.outcome === "success").length;
  return { state: combinedState(checks.length, failing.length, succeeded), succeeded, total: checks.length, failing };
}

function combinedState(total: number, failed: number, succeeded: number): CheckSummary["state"] {
  if (total === 0) return "none";
  if (failed > 0) return "failure";
  return succeeded < total ? "pending" : "success";
}
