import type { CheckRecord } from "../domain/checks.js";

/** The newest state of each check of a commit, as the webhooks reported it. */
export interface CheckStore {
  /**
   * Keeps the newest run per context: a record with a lower externalId than the stored one is
   * ignored. The same externalId (one check run moving on) updates the outcome, except that a
   * finished outcome never goes back to "pending" (its events may arrive out of order).
   */
  recordCheck(check: CheckRecord): Promise<void>;
  listChecks(repoId: number, sha: string): Promise<CheckRecord[]>;
  /** The checks of several commits in one query (a page's list of commits), by commit then context. */
  listChecksOfCommits(repoId: number, shas: readonly string[]): Promise<CheckRecord[]>;
}
