import type { NotificationEvent } from "../domain/notifications.js";

/** A notification to send to one channel. */
export interface NewNotification {
  /** Random: the stable delivery id receivers see (`X-Deliverybot-Delivery`), the same on every retry. */
  readonly id: string;
  /** The channel's account (lower-case login) and name. */
  readonly owner: string;
  readonly channel: string;
  readonly repoId: number;
  readonly deploymentId: number;
  readonly event: NotificationEvent;
  /** `NotificationFacts` as JSON. */
  readonly facts: string;
}

/** A notification a sender claimed: it is the sender's until the lease runs out. */
export interface ClaimedNotification extends NewNotification {
  /** Proves the claim: finishing with a stale token does nothing. */
  readonly token: string;
  /** Claims so far, this one included. */
  readonly attempts: number;
  readonly createdAt: Date;
}

/** Where a notification is in its queue. */
export type NotificationStatus = "queued" | "running" | "done" | "parked";

/** A notification as recorded, for `deliverybot events`. */
export interface NotificationRecord {
  readonly id: string;
  readonly owner: string;
  readonly channel: string;
  readonly repoId: number;
  readonly deploymentId: number;
  readonly event: NotificationEvent;
  readonly status: NotificationStatus;
  readonly attempts: number;
  /** The last failure; null when none. */
  readonly error: string | null;
  readonly createdAt: Date;
  /** When a queued notification may be sent (null otherwise). */
  readonly nextAttemptAt: Date | null;
  /** When it was delivered or parked; null before. */
  readonly finishedAt: Date | null;
}

/** Which notifications {@link NotificationStore.listNotifications} lists. */
export interface NotificationFilter {
  readonly statuses: readonly Exclude<NotificationStatus, "done">[];
  /** Only those with an error. */
  readonly failedOnly?: boolean;
  /** At most this many (clamped to 0…1000). */
  readonly limit: number;
}

/** The durable queue of outbound notifications. */
export interface NotificationStore {
  /**
   * Queues notifications, each once per (owner, channel, deployment, event): one queued again is
   * ignored, whatever became of the first. Resolves how many were new.
   */
  queueNotifications(notifications: readonly NewNotification[], now: Date): Promise<number>;
  /**
   * Claims the oldest notification due at `now` (queued and due, or running with an expired lease)
   * whose channel has no earlier notification of the same deployment still queued or running, so
   * one deployment's notifications reach a channel in order. Safe from any number of senders.
   */
  claimNotification(now: Date, leaseMs: number): Promise<ClaimedNotification | undefined>;
  /** Marks a claimed notification delivered; false when the claim was lost. */
  completeNotification(id: string, token: string, now: Date): Promise<boolean>;
  /** Puts a claimed notification back until `runAt`, with its error; false when the claim was lost. */
  retryNotification(id: string, token: string, runAt: Date, error: string): Promise<boolean>;
  /** Parks a claimed notification with its last error: kept, not retried until requeued. */
  parkNotification(id: string, token: string, now: Date, error: string): Promise<boolean>;
  /** Queues a parked notification again with fresh attempts; false when it is not parked. */
  requeueNotification(id: string, now: Date): Promise<boolean>;
  /** Notifications by status, newest first. */
  listNotifications(filter: NotificationFilter): Promise<NotificationRecord[]>;
  /** How many notifications wait, are being sent and are parked (all instances): for `/metrics`. */
  countNotifications(): Promise<{ readonly queued: number; readonly running: number; readonly parked: number }>;
  /** Deletes up to `limit` notifications delivered before `finishedBefore`; returns how many. */
  pruneNotifications(finishedBefore: Date, limit: number): Promise<number>;
}
