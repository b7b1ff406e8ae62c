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
