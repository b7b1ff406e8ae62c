import type { PendingDeploy } from "../domain/deployments.js";

/** A pending deploy as stored, with what the retry sweep needs to pick it up again. */
export interface PendingRecord extends PendingDeploy {
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  readonly installationId: number;
  /** Attempts at creating the deployment that failed with a GitHub error. */
  readonly attempts: number;
  /** When the retry sweep may try again; null while waiting for check events. */
  readonly nextAttemptAt: Date | null;
  readonly lastError: string | null;
}

/** Deploys waiting for their gates, and the retry schedule of those GitHub could not create. */
export interface PendingStore {
  /**
   * Inserts or replaces the pending deploy for (repository, target, ref). Saving the same commit
   * again keeps `attempts`, `nextAttemptAt` and `lastError`, so a repeated event cannot reset a
   * scheduled retry; another commit starts over with the given values.
   */
  savePending(pending: PendingRecord): Promise<void>;
  listPendingBySha(repoId: number, sha: string): Promise<PendingRecord[]>;
  listPendingByRef(repoId: number, ref: string): Promise<PendingRecord[]>;
  /** Every pending deploy of a repository (re-evaluated when a lock is released). */
  listPendingByRepo(repoId: number): Promise<PendingRecord[]>;
  /**
   * Sets when the retry sweep decides a waiting deploy again without an event (a freeze's end), or
   * clears it (null); a retry GitHub's failure scheduled is replaced.
   */
  wakePendingAt(repoId: number, target: string, ref: string, sha: string, at: Date | null): Promise<void>;
  /** Pending deploys whose retry time has come. */
  listDuePending(now: Date): Promise<PendingRecord[]>;
  /** Removes the pending deploy, only if it still is for that commit. */
  deletePending(repoId: number, target: string, ref: string, sha: string): Promise<void>;
  /** Records a failed creation attempt and when to try again. */
  deferPending(repoId: number, target: string, ref: string, sha: string, nextAttemptAt: Date, error: string): Promise<void>;
}
