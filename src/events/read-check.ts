import type { Context } from "probot";
import type { CheckOutcome, CheckRecord } from "../domain/checks.js";

/** Conclusions GitHub's branch protection counts as passing. */
const PASSING_CONCLUSIONS = new Set(["success", "neutral", "skipped"]);

/** Commit status states as check outcomes; `error` counts as a failure. */
const STATUS_OUTCOMES: Record<Context<"status">["payload"]["state"], CheckOutcome> = {
  pending: "pending",
  success: "success",
  failure: "failure",
  error: "failure",
};

/** A commit status as a check fact. */
export function readStatus(payload: Context<"status">["payload"]): CheckRecord {
  const outcome = STATUS_OUTCOMES[payload.state];
  return {
    repoId: payload.repository.id,
    sha: payload.sha,
    context: payload.context,
    source: "status",
    outcome,
    externalId: payload.id,
  };
}

/** A check run as a check fact: pending until completed, then passing or failing by its conclusion. */
export function readCheckRun(payload: Context<"check_run">["payload"]): CheckRecord {
  const run = payload.check_run;
  return {
    repoId: payload.repository.id,
    sha: run.head_sha,
    context: run.name,
    source: "check_run",
    outcome: checkRunOutcome(run.status, run.conclusion),
    externalId: run.id,
  };
}

function checkRunOutcome(status: string, conclusion: string | null): CheckOutcome {
  if (status !== "completed") return "pending";
  return conclusion !== null && PASSING_CONCLUSIONS.has(conclusion) ? "success" : "failure";
}
