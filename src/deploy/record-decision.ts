import type { DecisionRecord } from "../store/decision-store.js";
import type { RepoContext } from "./repo-context.js";

/** What to record: a decision's identity with the reason it ended on. */
export type DecisionOutcome = Pick<DecisionRecord, "target" | "ref" | "sha" | "pr" | "reason" | "message">;

/**
 * Stores a decision and logs it, so "why didn't it deploy?" always has an answer. `unlessRepeated`:
 * not when the latest decision about the same target and commit already says the same — a deploy
 * that still waits for the same thing, decided again on an event that changed nothing for it (a
 * merge group destroyed, a check it does not wait for), would otherwise fill the log with copies.
 */
export async function recordDecision(
  deps: RepoContext,
  outcome: DecisionOutcome,
  options: { readonly unlessRepeated?: boolean } = {},
): Promise<void> {
  // Decisions arrive with more fields (a deployment request, a trigger); only these are the record.
  const { target, ref, sha, pr, reason, message } = outcome;
  const record = { repoId: deps.repo.id, target, ref, sha, pr, reason, message, origin: deps.origin, createdAt: deps.now() };
  const where = { repo: `${deps.repo.owner}/${deps.repo.name}`, target, ref, sha, pr, reason, message };
  if (options.unlessRepeated !== true) await deps.store.recordDecision(record);
  else if (!(await deps.store.recordDecisionIfChanged(record))) {
    deps.log.debug(where, "decision unchanged: not recorded again");
    return;
  }
  deps.metrics.decisionRecorded(reason);
  deps.log.info(where, "decision");
}
