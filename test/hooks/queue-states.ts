import { randomUUID } from "node:crypto";
import type { NewDelivery } from "../../src/store/delivery-store.js";
import type { Store } from "../../src/store/store.js";
import { enqueueOne } from "../store/store-fixtures.js";

const DAY_MS = 86_400_000;
/** How far after its arrival a {@link QueueStates.retrying} delivery's next attempt is. */
export const RETRY_AFTER_MS = 90 * 60_000;

/** A delivery put in one state of the queue, with the moments it was given. */
export interface QueuedDelivery extends NewDelivery {
  /** When it was queued: its `receivedAt`. */
  readonly receivedAt: Date;
}

/** Puts deliveries of their own repositories into each state of the queue, through the store API only. */
export interface QueueStates {
  /** Queued, never tried. */
  queued(overrides?: Partial<NewDelivery>): Promise<QueuedDelivery>;
  /** Claimed by a worker (with a lease that ran out long ago: no worker runs in these tests). */
  running(overrides?: Partial<NewDelivery>): Promise<QueuedDelivery>;
  /** Failed once, queued again with `error` for {@link RETRY_AFTER_MS} after its arrival. */
  retrying(error: string, overrides?: Partial<NewDelivery>): Promise<QueuedDelivery & { readonly nextAttemptAt: Date }>;
  /** Failed `attempts` times, the last with `error`, then parked a second after its arrival. */
  parked(
    error: string,
    attempts?: number,
    overrides?: Partial<NewDelivery>,
  ): Promise<QueuedDelivery & { readonly finishedAt: Date }>;
  /** Processed. */
  done(overrides?: Partial<NewDelivery>): Promise<QueuedDelivery>;
}

let repoCounter = 0;
let dayCounter = 0;

/**
 * The states are made the way workers make them: enqueue, claim, then retry, park or complete.
 * The file's tests share one store, and a claim takes the oldest due delivery, so each delivery
 * arrives a day before the previous one (before 2000), and is claimed at that moment: nothing
 * queued earlier, by this helper or by the app at today's date, is due yet. So the newest of them
 * is the first one made.
 */
export function createQueueStates(store: () => Store): QueueStates {
  async function arrive(overrides: Partial<NewDelivery> = {}): Promise<QueuedDelivery> {
    repoCounter += 1;
    dayCounter += 1;
    const receivedAt = new Date(Date.UTC(2000, 0, 1) - dayCounter * DAY_MS);
    const id = overrides.id ?? randomUUID();
    const delivery: NewDelivery = {
      id,
      event: "check_run",
      action: "completed",
      repoId: 900_000_000 + repoCounter,
      installationId: 4_200,
      payload: JSON.stringify({ id }),
      ...overrides,
    };
    const outcome = await enqueueOne(store(), delivery, receivedAt);
    if (outcome !== "queued") throw new Error(`queue-states: delivery ${id} was not queued (${outcome})`);
    return { ...delivery, receivedAt };
  }

  async function claim(delivery: QueuedDelivery, at: Date): Promise<string> {
    const claimed = await store().claimDelivery(at, 60_000);
    if (claimed?.id !== delivery.id) {
      throw new Error(`queue-states: claimed ${claimed?.id ?? "nothing"} instead of ${delivery.id}`);
    }
    return claimed.token;
  }

  const mustChange = (changed: boolean, what: string) => {
    if (!changed) throw new Error(`queue-states: the store did not ${what}`);
  };

  return {
    queued: arrive,
    async running(overrides = {}) {
      const delivery = await arrive(overrides);
      await claim(delivery, delivery.receivedAt);
      return delivery;
    },
    async retrying(error, overrides = {}) {
      const delivery = await arrive(overrides);
      const token = await claim(delivery, delivery.receivedAt);
      const nextAttemptAt = new Date(delivery.receivedAt.getTime() + RETRY_AFTER_MS);
      mustChange(await store().retryDelivery(delivery.id, token, { runAt: nextAttemptAt, error, countAttempt: true }), "retry");
      return { ...delivery, nextAttemptAt };
    },
    async parked(error, attempts = 5, overrides = {}) {
      const delivery = await arrive(overrides);
      const t = delivery.receivedAt;
      for (let attempt = 1; attempt < attempts; attempt += 1) {
        const token = await claim(delivery, t);
        mustChange(
          await store().retryDelivery(delivery.id, token, { runAt: t, error: `attempt ${attempt} failed`, countAttempt: true }),
          "retry",
        );
      }
      const finishedAt = new Date(t.getTime() + 1_000);
      mustChange(await store().parkDelivery(delivery.id, await claim(delivery, t), finishedAt, error), "park");
      return { ...delivery, finishedAt };
    },
    async done(overrides = {}) {
      const delivery = await arrive(overrides);
      const token = await claim(delivery, delivery.receivedAt);
      mustChange(await store().completeDelivery(delivery.id, token, delivery.receivedAt), "complete");
      return delivery;
    },
  };
}
