/** A verified webhook delivery, as stored for the workers. */
export interface NewDelivery {
  /** GitHub's `X-GitHub-Delivery` id. */
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  /** Deliveries of one repository are processed one at a time, in arrival order. */
  readonly repoId: number;
  readonly installationId: number;
  /** The webhook body as JSON text. */
  readonly payload: string;
}

/**
 * The outcome of storing a delivery: `queued` is new, `requeued` was parked and is retried (GitHub
 * redelivered it), `duplicate` is already queued, running or done and is ignored.
 */
export type EnqueueOutcome = "queued" | "requeued" | "duplicate";

/** A delivery a worker claimed: it is the worker's until the lease runs out. */
export interface ClaimedDelivery extends NewDelivery {
  /** Proves the claim: finishing with a stale token (the lease ran out, another worker took it) does nothing. */
  readonly token: string;
  /** Claims so far, this one included. */
  readonly attempts: number;
  readonly receivedAt: Date;
}

/** Where a delivery is in the queue. */
export type DeliveryStatus = "queued" | "running" | "done" | "parked";

/** A webhook delivery as recorded, for `deliverybot events`. */
export interface DeliveryRecord {
  /** GitHub's `X-GitHub-Delivery` id. */
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** The last failure; null when none. */
  readonly error: string | null;
  /** When it (or its latest redelivery) arrived. */
  readonly receivedAt: Date;
  /** When a queued delivery may run (null otherwise). */
  readonly nextAttemptAt: Date | null;
  /** When it was done or parked; null before. */
  readonly finishedAt: Date | null;
}

/** Which deliveries {@link DeliveryStore.listDeliveries} lists. */
export interface DeliveryFilter {
  readonly statuses: readonly Exclude<DeliveryStatus, "done">[];
  /** Only those with an error (a queued delivery that failed and waits for its retry). */
  readonly failedOnly?: boolean;
  /** At most this many (clamped to 0…1000). */
  readonly limit: number;
}

/** How many deliveries wait, run and are parked: for `/healthz` and the benchmarks. */
export interface QueueCounts {
  readonly queued: number;
  readonly running: number;
  readonly parked: number;
}

/** The durable queue of webhook deliveries. */
export interface DeliveryStore {
  /**
   * Stores verified deliveries for the workers, once per `X-GitHub-Delivery` id (see {@link EnqueueOutcome}):
   * those received at the same moment in one statement, queued in order of their ids; one outcome per
   * delivery, in the given order. A delivery id repeated in the list is a duplicate of its first occurrence.
   */
  enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<EnqueueOutcome[]>;
  /**
   * Claims the oldest delivery that may run at `now` — queued and due, or running with an expired
   * lease — whose repository has no other delivery running; undefined when there is none. Safe
   * from any number of workers and processes at once.
   */
  claimDelivery(now: Date, leaseMs: number): Promise<ClaimedDelivery | undefined>;
  /** Extends a claim's lease; false when the claim was lost. */
  extendDeliveryLease(id: string, token: string, until: Date): Promise<boolean>;
  /** Marks a claimed delivery processed and drops its payload; false when the claim was lost. */
  completeDelivery(id: string, token: string, now: Date): Promise<boolean>;
  /**
   * Puts a claimed delivery back in the queue until `runAt` with its error; `countAttempt: false`
   * (GitHub's rate limit, not the delivery's fault) takes this claim back off its attempts.
   */
  retryDelivery(id: string, token: string, retry: { runAt: Date; error: string; countAttempt: boolean }): Promise<boolean>;
  /** Parks a claimed delivery with its last error: kept, not retried until requeued. */
  parkDelivery(id: string, token: string, now: Date, error: string): Promise<boolean>;
  /** Queues a parked delivery again with fresh attempts; false when it is not parked. */
  requeueDelivery(id: string, now: Date): Promise<boolean>;
  /** Deliveries by status (see {@link DeliveryFilter}), newest first. */
  listDeliveries(filter: DeliveryFilter): Promise<DeliveryRecord[]>;
  countDeliveries(): Promise<QueueCounts>;
  /** When the oldest delivery not processed yet (queued or running) arrived; null when there is none. */
  oldestUnprocessedDelivery(): Promise<Date | null>;
  /** Deletes up to `limit` deliveries processed before `finishedBefore`; returns how many. */
  pruneDeliveries(finishedBefore: Date, limit: number): Promise<number>;
}
