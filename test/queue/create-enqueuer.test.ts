import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createEnqueuer, MAX_ENQUEUE_BATCH } from "../../src/queue/create-enqueuer.js";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";
import type { EnqueueOutcome, NewDelivery } from "../../src/store/delivery-store.js";
import type { Store } from "../../src/store/store.js";

const delivery = (id = randomUUID()): NewDelivery => ({
  id,
  event: "status",
  action: null,
  repoId: 5_000_000_000 + Math.floor(Math.random() * 1e6),
  installationId: 1,
  payload: "{}",
});

/** A store that records how deliveries reached it, in one statement or several. */
function recording(store: Store) {
  const batches: number[] = [];
  let failNext = false;
  return {
    batches,
    failOnce() {
      failNext = true;
    },
    async enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<EnqueueOutcome[]> {
      batches.push(deliveries.length);
      if (failNext) {
        failNext = false;
        throw new Error("connection refused");
      }
      return store.enqueueDeliveries(deliveries, now);
    },
  };
}

describe("createEnqueuer", () => {
  let store: Store | undefined;
  const open = (): Store => {
    if (store === undefined) throw new Error("the store opens in beforeAll");
    return store;
  };
  beforeAll(async () => {
    store = await createPgliteStore();
  });
  afterAll(() => store?.close());

  it("writes a lone delivery at once", async () => {
    const spy = recording(open());
    const enqueue = createEnqueuer(spy, () => new Date());

    expect(await enqueue(delivery())).toBe("queued");
    expect(spy.batches).toEqual([1]);
  });

  it("writes the deliveries that arrived before the write started together, each with its own outcome", async () => {
    const spy = recording(open());
    const enqueue = createEnqueuer(spy, () => new Date());
    const repeated = delivery();

    const outcomes = await Promise.all([enqueue(delivery()), enqueue(delivery()), enqueue(repeated), enqueue(repeated)]);

    expect(outcomes).toEqual(["queued", "queued", "queued", "duplicate"]);
    expect(spy.batches).toEqual([4]);
  });

  it("writes the deliveries that arrive during a write in the next statement", async () => {
    const spy = recording(open());
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      async enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date) {
        if (spy.batches.length === 0) await held;
        return spy.enqueueDeliveries(deliveries, now);
      },
    };
    const enqueue = createEnqueuer(slow, () => new Date());

    const first = enqueue(delivery());
    await new Promise((resolve) => setImmediate(resolve));
    const during = [enqueue(delivery()), enqueue(delivery())];
    release();

    expect(await Promise.all([first, ...during])).toEqual(["queued", "queued", "queued"]);
    expect(spy.batches).toEqual([1, 2]);
  });

  it("splits a burst into statements of at most MAX_ENQUEUE_BATCH", async () => {
    const spy = recording(open());
    const enqueue = createEnqueuer(spy, () => new Date());

    const outcomes = await Promise.all(Array.from({ length: 2 * MAX_ENQUEUE_BATCH + 1 }, () => enqueue(delivery())));

    expect(outcomes.every((o) => o === "queued")).toBe(true);
    expect(spy.batches).toEqual([MAX_ENQUEUE_BATCH, MAX_ENQUEUE_BATCH, 1]);
  });

  it("fails every delivery of a failed write, and writes the ones after it", async () => {
    const spy = recording(open());
    const enqueue = createEnqueuer(spy, () => new Date());
    spy.failOnce();

    const failed = await Promise.allSettled([enqueue(delivery()), enqueue(delivery())]);
    const after = await enqueue(delivery());

    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(after).toBe("queued");
    expect(spy.batches).toEqual([2, 1]);
  });
});
