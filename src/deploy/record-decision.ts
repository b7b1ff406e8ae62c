import type { DecisionRecord } from "../store/decision-store.js";
import type { RepoContext } from "./repo-context.js";

/** What to record: a decision's identity with the reason it ended on. */
export type DecisionOutcome = Pick<DecisionRecord, "target" | "ref" | "sha" | "pr" | "reason" | "message">;

/** Stores a decision and logs it, so "why didn't it deploy?" always has an answer. */
export async function recordDecision(deps: RepoContext, outcome: DecisionOutcome): Promise<void> {
  // Decisions arrive with more fields (a deployment request, a trigger); only these are the record.
  const { target, ref, sha, pr, reason, message } = outcome;
  await deps.store.recordDecision({
    repoId: deps.repo.id,
    target,
    ref,
    sha,
    pr,
    reason,
    message,
    origin: deps.origin,
    createdAt: deps.now(),
  });
  deps.metrics.decisionRecorded(reason);
  deps.log.info({ repo: `${deps.repo.owner}/${deps.repo.name}`, target, ref, sha, pr, reason, message }, "decision");
}
