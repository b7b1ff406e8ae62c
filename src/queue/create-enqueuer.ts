import type { EnqueueOutcome, NewDelivery, Store } from "../store/store.js";

/** The most deliveries one statement stores. */
export const MAX_ENQUEUE_BATCH = 100;

/**
 * Stores deliveries the way a busy webhook endpoint needs: the first delivery is written at once;
 * those arriving while a write is in flight are written together by the next one (one statement for
 * the lot), so under a burst each acknowledgement costs a share of one write instead of a write.
 */
export function createEnqueuer(
  store: Pick<Store, "enqueueDeliveries">,
  now: () => Date,
): (delivery: NewDelivery) => Promise<EnqueueOutcome> {
  type Waiting = { delivery: NewDelivery; resolve: (outcome: EnqueueOutcome) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeAll(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_ENQUEUE_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        const outcomes = await store.enqueueDeliveries(
          batch.map((w) => w.delivery),
          now(),
        );
        batch.forEach((w, i) => w.resolve(outcomes[i] ?? "duplicate"));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    writing = false;
  }

  return (delivery) =>
    new Promise<EnqueueOutcome>((resolve, reject) => {
      waiting.push({ delivery, resolve, reject });
      if (!writing) void writeAll();
    });
}
