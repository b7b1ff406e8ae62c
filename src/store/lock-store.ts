import type { LockFact } from "../domain/locks.js";

/** A lock as stored: on one environment of a repository, or on all of them (`environment` = `GLOBAL_LOCK`). */
export interface LockRecord extends LockFact {
  readonly repoId: number;
  /** The target named in `/lock <target>`; null for a global lock. */
  readonly target: string | null;
  readonly createdAt: Date;
}

/** The outcome of trying to take a lock. */
export type LockAttempt =
  { readonly acquired: true; readonly lock: LockRecord } | { readonly acquired: false; readonly holder: LockRecord };

/** Locks on environments. */
export interface LockStore {
  /**
   * Takes a lock. An expired lock counts as free and is replaced; the holder taking it again
   * refreshes reason and expiry (acquired). Otherwise the current holder is returned.
   */
  acquireLock(lock: LockRecord, now: Date): Promise<LockAttempt>;
  /** Releases the lock on an environment, if there is one. */
  releaseLock(repoId: number, environment: string): Promise<void>;
  /** Locks in force (not expired), global first, then by environment. */
  listLocks(repoId: number, now: Date): Promise<LockRecord[]>;
  /** Releases every lock taken from a pull request (merged or closed); returns them. */
  releaseLocksOfPullRequest(repoId: number, pr: number): Promise<LockRecord[]>;
  /** Deletes locks whose expiry has passed, in every repository; returns them (to re-evaluate waiting deploys). */
  releaseExpiredLocks(now: Date): Promise<LockRecord[]>;
}
