/** GitHub builds each merge group on a temporary branch under this prefix; it is never deployed. */
export const MERGE_QUEUE_REF_PREFIX = "refs/heads/gh-readonly-queue/";

/**
 * How long merge groups are remembered (and read back): the recent ones name checks that never
 * report on them, and a `coalesce` target's `group_timeout` may not be longer.
 */
export const MERGE_GROUP_MEMORY_MS = 24 * 3_600_000;

/** At most this many recent merge groups are read for a decision. */
export const MERGE_GROUP_READ_LIMIT = 100;

/** Whether a full ref is one of a merge queue's temporary branches (`refs/heads/gh-readonly-queue/…`). */
export function isMergeQueueRef(ref: string): boolean {
  return ref.startsWith(MERGE_QUEUE_REF_PREFIX);
}

/** Why GitHub destroyed a merge group, as its `merge_group.destroyed` payload says. */
export type MergeGroupEnd = "merged" | "invalidated" | "dequeued";

/** A `merge_group` webhook, all of it from the payload. */
export interface MergeGroupFacts {
  readonly action: "checks_requested" | "destroyed";
  /** The merge group's commit: the SHA that lands on the base branch when the group merges. */
  readonly headSha: string;
  /** The temporary branch, e.g. `refs/heads/gh-readonly-queue/main/pr-104-929f82…`. */
  readonly headRef: string;
  /** The branch the queue merges into, as a full ref (`refs/heads/main`). */
  readonly baseRef: string;
  /**
   * The pull request the temporary branch names (the group's newest), or null when it names none.
   * The payload names no other pull request the group contains.
   */
  readonly pr: number | null;
  /** Why the group was destroyed (`destroyed` only; null when the payload says nothing or for `checks_requested`). */
  readonly reason: MergeGroupEnd | null;
}

/** A merge group as the engine reads it: when it entered the queue, whether it is still there, which checks reported on it. */
export interface MergeGroupFact {
  readonly headSha: string;
  readonly baseRef: string;
  readonly pr: number | null;
  readonly requestedAt: Date;
  /** When GitHub destroyed it (merged, invalidated or dequeued); null while it is in the queue. */
  readonly destroyedAt: Date | null;
  /** The contexts (statuses and check runs) that reported on its commit, whatever their outcome. */
  readonly contexts: readonly string[];
}

/** The pull request a merge queue branch names: `gh-readonly-queue/<base>/pr-<n>-<sha>`. */
export function readMergeQueuePullRequest(headRef: string): number | null {
  const match = /\/pr-(\d+)-[0-9a-f]+$/.exec(headRef);
  return match?.[1] === undefined ? null : Number(match[1]);
}
