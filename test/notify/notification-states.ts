import { randomUUID } from "node:crypto";
import type { NewNotification } from "../../src/store/notification-store.js";
import type { Store } from "../../src/store/store.js";

const DAY_MS = 86_400_000;
/** How far after its creation a {@link NotificationStates.retrying} notification is sent again. */
export const NOTIFICATION_RETRY_AFTER_MS = 45 * 60_000;

/** A notification put in one state of its queue, with the moment it was queued. */
export interface QueuedNotification extends NewNotification {
  readonly createdAt: Date;
}

/** Puts notifications of their own deployments into each state of the queue, through the store API only. */
export interface NotificationStates {
  /** Queued, never tried. */
  queued(overrides?: Partial<NewNotification>): Promise<QueuedNotification>;
  /** Claimed by a sender (whose lease ran out long ago: no sender runs in these tests). */
  running(overrides?: Partial<NewNotification>): Promise<QueuedNotification>;
  /** Failed once, queued again with `error` for {@link NOTIFICATION_RETRY_AFTER_MS} after its creation. */
  retrying(error: string, overrides?: Partial<NewNotification>): Promise<QueuedNotification & { readonly nextAttemptAt: Date }>;
  /** Failed `attempts` times, the last with `error`, then parked a second after its creation. */
  parked(
    error: string,
    attempts?: number,
    overrides?: Partial<NewNotification>,
  ): Promise<QueuedNotification & { readonly finishedAt: Date }>;
}

let deploymentCounter = 0;
let dayCounter = 0;

/**
 * The states are made the way a sender makes them: queue, claim, then retry or park. As with
 * `createQueueStates`, each notification is queued a day before the previous one (in 1990, before
 * any delivery those helpers make) and claimed at that moment, so no other notification is due;
 * the newest of them is the first one made.
 */
export function createNotificationStates(store: () => Store): NotificationStates {
  async function queue(overrides: Partial<NewNotification> = {}): Promise<QueuedNotification> {
    deploymentCounter += 1;
    dayCounter += 1;
    const createdAt = new Date(Date.UTC(1990, 0, 1) - dayCounter * DAY_MS);
    const notification: NewNotification = {
      id: randomUUID(),
      owner: "acme",
      channel: "deploys",
      repoId: 800_000_000 + deploymentCounter,
      deploymentId: 70_000 + deploymentCounter,
      event: "succeeded",
      facts: "{}",
      ...overrides,
    };
    const queued = await store().queueNotifications([notification], createdAt);
    if (queued !== 1) throw new Error(`notification-states: ${notification.id} was not queued`);
    return { ...notification, createdAt };
  }

  async function claim(notification: QueuedNotification, at: Date): Promise<string> {
    const claimed = await store().claimNotification(at, 60_000);
    if (claimed?.id !== notification.id) {
      throw new Error(`notification-states: claimed ${claimed?.id ?? "nothing"} instead of ${notification.id}`);
    }
    return claimed.token;
  }

  const mustChange = (changed: boolean, what: string) => {
    if (!changed) throw new Error(`notification-states: the store did not ${what}`);
  };

  return {
    queued: queue,
    async running(overrides = {}) {
      const notification = await queue(overrides);
      await claim(notification, notification.createdAt);
      return notification;
    },
    async retrying(error, overrides = {}) {
      const notification = await queue(overrides);
      const token = await claim(notification, notification.createdAt);
      const nextAttemptAt = new Date(notification.createdAt.getTime() + NOTIFICATION_RETRY_AFTER_MS);
      mustChange(await store().retryNotification(notification.id, token, nextAttemptAt, error), "retry");
      return { ...notification, nextAttemptAt };
    },
    async parked(error, attempts = 5, overrides = {}) {
      const notification = await queue(overrides);
      const t = notification.createdAt;
      for (let attempt = 1; attempt < attempts; attempt += 1) {
        mustChange(
          await store().retryNotification(notification.id, await claim(notification, t), t, `attempt ${attempt} failed`),
          "retry",
        );
      }
      const finishedAt = new Date(t.getTime() + 1_000);
      mustChange(await store().parkNotification(notification.id, await claim(notification, t), finishedAt, error), "park");
      return { ...notification, finishedAt };
    },
  };
}
