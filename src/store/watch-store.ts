/** A deployment Deliverybot created, watched until a status ends it (the watchdog's `error` included). */
export interface WatchRecord {
  readonly deploymentId: number;
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  /** The installation whose token the watchdog's GitHub calls use. */
  readonly installationId: number;
  /** How long it may wait for its first status. */
  readonly stuckAfterMs: number;
  /** How long it may stay unfinished after a status (`in_progress`, or `queued` and `pending`). */
  readonly timeoutMs: number;
  /** When Deliverybot created it, by the app's clock: its first status is due `stuckAfterMs` later. */
  readonly watchedAt: Date;
}

/**
 * A watch whose deadline passed, claimed by one watchdog: `stuck` (no status at all `stuckAfterMs`
 * after it was created) or `timeout` (its newest status, `queued`, `pending` or `in_progress`, is
 * `timeoutMs` old: it never finished).
 */
export interface DueWatch extends WatchRecord {
  readonly kind: "stuck" | "timeout";
  /** The newest status's state for a `timeout`; null for `stuck`. */
  readonly state: string | null;
  readonly environment: string;
  readonly sha: string;
  readonly pr: number | null;
}

/** The watchdog's watches over the deployments Deliverybot created. */
export interface WatchStore {
  /** Starts watching a deployment; watching it again changes nothing. */
  watchDeployment(watch: WatchRecord): Promise<void>;
  /**
   * Claims up to `limit` watches due at `now` that no other watchdog holds (a claim older than
   * `leaseMs` was left by one that died): each is returned to one caller only. Watches whose
   * deployment got a status that ends it (`success`, `failure`, `error`, `inactive`) end here.
   */
  claimDueWatches(now: Date, leaseMs: number, limit: number): Promise<DueWatch[]>;
  /** Ends a watch without a status (GitHub refused the watchdog's: the deployment is gone). */
  endWatch(deploymentId: number): Promise<void>;
}
