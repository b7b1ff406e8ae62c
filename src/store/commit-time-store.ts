import type { CommitTime } from "../domain/event-facts.js";

/** When commits were made, as the pushes that brought them said: where lead times start. */
export interface CommitTimeStore {
  /**
   * Keeps the times of a repository's commits (one push's worth: GitHub lists at most 2,048), in
   * one statement. A commit's time never changes: one already known is left as it is.
   */
  recordCommitTimes(repoId: number, commits: readonly CommitTime[], recordedAt: Date): Promise<void>;
  /** Deletes up to `limit` commit times recorded before `recordedBefore`; returns how many. */
  pruneCommitTimes(recordedBefore: Date, limit: number): Promise<number>;
}
