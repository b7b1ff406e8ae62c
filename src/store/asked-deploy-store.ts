import type { Asker } from "../domain/asker.js";

/** A deploy somebody asked for that waits for approvals: one per request (its claim, `via`). */
export interface AskedDeployRecord {
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  readonly installationId: number;
  /** The request's claim (`comment:<id>`, `hook:<hook-id>:<request-id>`, `admin:<id>`, `dashboard:<id>`): it deploys once. */
  readonly via: string;
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly asker: Asker;
  /**
   * The newest deployment of the commit to the request's environment when it was asked (GitHub's
   * ids grow), null when none: a newer one made while it waited fulfils it.
   */
  readonly deployedBefore: number | null;
  readonly askedAt: Date;
}

/** Deploys commands, hooks, the admin API and the dashboard asked for, waiting for approvals. */
export interface AskedDeployStore {
  /** Keeps a request that waits; the same request asked again keeps when it was first asked. */
  saveAskedDeploy(asked: AskedDeployRecord): Promise<void>;
  /** What waits on a commit, oldest request first. */
  listAskedDeploys(repoId: number, sha: string): Promise<AskedDeployRecord[]>;
  /** What waits in a repository, oldest first (`/status`, the dashboard). */
  listAskedDeploysByRepo(repoId: number): Promise<AskedDeployRecord[]>;
  /** Forgets a request once it deployed or was refused. */
  deleteAskedDeploy(repoId: number, via: string): Promise<void>;
  /** Forgets up to `limit` requests asked before `before`; returns how many. */
  pruneAskedDeploys(before: Date, limit: number): Promise<number>;
}
