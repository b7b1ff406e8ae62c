import { DateTime } from "luxon";
import type { Target } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { MergeGroupFact } from "../domain/merge-groups.js";

/** Merge groups still in the queue for a branch, and when the oldest of them stops holding. */
export interface MergeQueueHold {
  readonly inFlight: number;
  readonly until: Date;
}

/**
 * Whether a `coalesce` target's deploy of a commit that landed on its branch waits for the merge
 * queue: groups for that branch that entered the queue less than its `coalesce.group_timeout`
 * ago and were not destroyed yet. The commit's own group does not count (it landed; its `destroyed`
 * may come after the push). Undefined: nothing holds it.
 */
export function findMergeQueueHold(
  target: Target,
  deploy: PendingDeploy,
  groups: readonly MergeGroupFact[],
  now: Date,
): MergeQueueHold | undefined {
  const { coalesce } = target;
  if (coalesce === undefined || deploy.trigger !== "push") return undefined;
  const inFlight = groups.filter(
    (group) =>
      group.baseRef === deploy.ref &&
      group.destroyedAt === null &&
      group.headSha !== deploy.sha &&
      now.getTime() - group.requestedAt.getTime() < coalesce.groupTimeoutMs,
  );
  if (inFlight.length === 0) return undefined;
  const oldest = Math.min(...inFlight.map((group) => group.requestedAt.getTime()));
  return { inFlight: inFlight.length, until: DateTime.fromMillis(oldest + coalesce.groupTimeoutMs).toJSDate() };
}
