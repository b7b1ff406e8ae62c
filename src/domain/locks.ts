/** The environment value of a lock on every environment of a repository. */
export const GLOBAL_LOCK = "*";

/** A lock in force on an environment, or on every environment (`environment` = {@link GLOBAL_LOCK}). */
export interface LockFact {
  readonly environment: string;
  /** GitHub login of who took the lock. */
  readonly owner: string;
  /** The pull request it was taken from; it is released when that pull request closes. */
  readonly pr: number | null;
  readonly reason: string | null;
  /** null: until unlocked. */
  readonly expiresAt: Date | null;
}
