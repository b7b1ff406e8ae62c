import type { DeliveryStore, EnqueueOutcome, NewDelivery } from "../store/delivery-store.js";

/** The most deliveries one statement stores. */
export const MAX_ENQUEUE_BATCH = 100;

/**
 * Stores deliveries the way a busy webhook endpoint needs (group commit): a write starts once the
 * requests that have already arrived have been read (`setImmediate`), and takes every delivery
 * waiting by then in one statement; deliveries arriving during a write go in the next one. Under a
 * burst each acknowledgement costs a share of one write instead of a write, and a lone delivery
 * waits no timer. (The embedded database writes synchronously, so without the deferral nothing
 * would ever arrive during a write.)
 */
export function createEnqueuer(
  store: Pick<DeliveryStore, "enqueueDeliveries">,
  now: () => Date,
): (delivery: NewDelivery) => Promise<EnqueueOutcome> {
  type Waiting = { delivery: NewDelivery; resolve: (outcome: EnqueueOutcome) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let busy = false;

  async function writeNext(): Promise<void> {
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
    if (waiting.length > 0) setImmediate(() => void writeNext());
    else busy = false;
  }

  return (delivery) =>
    new Promise<EnqueueOutcome>((resolve, reject) => {
      waiting.push({ delivery, resolve, reject });
      if (busy) return;
      busy = true;
      setImmediate(() => void writeNext());
    });
}
