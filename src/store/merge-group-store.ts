import type { MergeGroupEnd, MergeGroupFact } from "../domain/merge-groups.js";

/** A merge group as stored: its commit, branch and pull request, from `checks_requested` until its `destroyed`. */
export interface MergeGroupRecord {
  readonly repoId: number;
  readonly headSha: string;
  readonly baseRef: string;
  readonly pr: number | null;
  /** When the queue asked for its checks (by the app's clock). */
  readonly requestedAt: Date;
}

/** The merge groups of a repository's merge queue: which are in flight, and which checks reported on each. */
export interface MergeGroupStore {
  /** Keeps a group that entered the queue; asking again for the same commit starts it over (in flight). */
  saveMergeGroup(group: MergeGroupRecord): Promise<void>;
  /** Marks a group destroyed (merged, invalidated or dequeued); a group never seen is ignored. */
  destroyMergeGroup(repoId: number, headSha: string, at: Date, reason: MergeGroupEnd | null): Promise<void>;
  /**
   * The repository's groups that entered the queue at or after `since`, newest first (at most
   * `limit`), each with the contexts that reported on its commit.
   */
  listMergeGroups(repoId: number, since: Date, limit: number): Promise<MergeGroupFact[]>;
  /** The newest group that names a pull request (its `pr-<n>` branch), or undefined. */
  findMergeGroupOfPullRequest(repoId: number, pr: number): Promise<MergeGroupFact | undefined>;
  /** Forgets up to `limit` groups that entered the queue before `before`; returns how many. */
  pruneMergeGroups(before: Date, limit: number): Promise<number>;
}
