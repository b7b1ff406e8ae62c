import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { Decision } from "../engine/types.js";
import type { PendingRecord } from "../store/pending-store.js";
import { attemptsOf, autoDeploy } from "./auto-deploy.js";
import { pendingRecord } from "./pending-record.js";

/**
 * Carries out the engine's decisions: keep or drop pending deploys, create deployments, record why
 * (a deploy that still waits for the same thing is not recorded again). `waiting`: the pending
 * deploys the decisions were made on.
 */
export async function applyDecisions(
  deps: RepoContext,
  decisions: readonly Decision[],
  waiting: readonly PendingRecord[],
): Promise<void> {
  for (const decision of decisions) {
    if (decision.action === "deploy") {
      await autoDeploy(deps, decision, attemptsOf(waiting, decision));
      continue;
    }
    if (decision.action === "wait") {
      await deps.store.savePending(pendingRecord(deps, decision));
      await scheduleWake(deps, decision, waiting);
      await recordDecision(deps, decision, { unlessRepeated: true });
      continue;
    }
    await deps.store.deletePending(deps.repo.id, decision.target, decision.ref, decision.sha);
    await recordDecision(deps, decision);
  }
}

/**
 * A deploy held by a freeze is decided again by the retry sweep when the freeze ends. One that no
 * longer waits on a time (the freeze ended, now it waits on checks) loses a wake-up it had, unless
 * that is a retry of a GitHub failure (those count attempts).
 */
async function scheduleWake(
  deps: RepoContext,
  decision: Extract<Decision, { action: "wait" }>,
  waiting: readonly PendingRecord[],
): Promise<void> {
  const { target, ref, sha } = decision;
  const before = waiting.find((pending) => pending.target === target && pending.ref === ref && pending.sha === sha);
  const wakeAt = decision.wakeAt ?? null;
  const stale = wakeAt === null && before !== undefined && before.attempts === 0 && before.nextAttemptAt !== null;
  if (wakeAt !== null || stale) await deps.store.wakePendingAt(deps.repo.id, target, ref, sha, wakeAt);
}
