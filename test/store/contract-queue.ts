import { describe, expect, it } from "@jest/globals";
import type { NewDelivery } from "../../src/store/delivery-store.js";
import type { Store } from "../../src/store/store.js";
import { enqueueOne, uniqueDeliveryId, uniqueRepoId } from "./store-fixtures.js";

const DAY_MS = 86_400_000;
let clockCounter = 0;

/**
 * A moment earlier than any earlier test's: the queue is shared by the suite's tests, and
 * claiming at a time before everything other tests queued keeps their deliveries out of reach.
 */
function earlierThanOtherTests(): Date {
  clockCounter += 1;
  return new Date(Date.UTC(2000, 0, 1) - clockCounter * DAY_MS);
}

const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

function delivery(repoId: number, overrides: Partial<NewDelivery> = {}): NewDelivery {
  const id = uniqueDeliveryId();
  return {
    id,
    event: "status",
    action: null,
    repoId,
    installationId: 3_000_000_001,
    payload: JSON.stringify({ id, sha: "abc" }),
    ...overrides,
  };
}

/** Contract: the durable webhook queue — deduplicated, leased, one repository at a time. */
export function describeQueueContract(getStore: () => Store): void {
  describe("durable queue: storing deliveries", () => {
    it("queues a delivery once: again while queued, running or done it is a duplicate", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());

      const first = await enqueueOne(store, d, t);
      const whileQueued = await enqueueOne(store, d, t);
      const claimed = await store.claimDelivery(t, 60_000);
      const whileRunning = await enqueueOne(store, d, t);
      await store.completeDelivery(d.id, claimed?.token ?? "", t);
      const afterDone = await enqueueOne(store, d, t);

      expect([first, whileQueued, whileRunning, afterDone]).toEqual(["queued", "duplicate", "duplicate", "duplicate"]);
      expect(claimed?.id).toBe(d.id);
    });

    it("lets exactly one of concurrent stores of the same delivery queue it", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());

      const outcomes = await Promise.all(Array.from({ length: 8 }, () => enqueueOne(store, d, t)));

      expect(outcomes.filter((o) => o === "queued")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(7);
    });

    it("queues a parked delivery again, with fresh attempts, when GitHub redelivers it", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());
      await enqueueOne(store, d, t);
      const first = await store.claimDelivery(t, 60_000);
      await store.parkDelivery(d.id, first?.token ?? "", t, "GitHub answered 500");

      const redelivered = await enqueueOne(store, { ...d, payload: '{"redelivered":true}' }, later(t, 1000));
      const again = await store.claimDelivery(later(t, 1000), 60_000);

      expect(redelivered).toBe("requeued");
      expect(again).toMatchObject({ id: d.id, attempts: 1, payload: '{"redelivered":true}' });
    });
  });

  describe("durable queue: storing several deliveries at once", () => {
    it("answers one outcome per delivery, in order: new, already queued, parked, repeated in the list", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const [queuedBefore, parked, fresh] = [1, 2, 3].map(() => delivery(uniqueRepoId())) as [
        NewDelivery,
        NewDelivery,
        NewDelivery,
      ];
      await enqueueOne(store, queuedBefore, t);
      await enqueueOne(store, parked, t);
      const first = await store.claimDelivery(t, 60_000);
      const second = await store.claimDelivery(t, 60_000);
      await store.retryDelivery(queuedBefore.id, first?.token ?? "", {
        runAt: later(t, DAY_MS / 2),
        error: "x",
        countAttempt: false,
      });
      await store.parkDelivery(parked.id, second?.token ?? "", t, "boom");

      const outcomes = await store.enqueueDeliveries([fresh, queuedBefore, parked, fresh], later(t, 10));

      expect(outcomes).toEqual(["queued", "duplicate", "requeued", "duplicate"]);
      expect(await store.enqueueDeliveries([], t)).toEqual([]);
    });

    it("queues a batch in order of delivery ids (one lock order for concurrent batches)", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const batch = Array.from({ length: 5 }, () => delivery(uniqueRepoId()));

      await store.enqueueDeliveries(batch, t);
      const claimed = [];
      for (let next = await store.claimDelivery(t, 60_000); next !== undefined; next = await store.claimDelivery(t, 60_000)) {
        claimed.push(next.id);
      }

      expect(claimed).toEqual(batch.map((d) => d.id).sort());
    });

    it("lets exactly one of concurrent batches holding the same delivery queue it", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const shared = delivery(uniqueRepoId());

      const results = await Promise.all(
        Array.from({ length: 6 }, () => store.enqueueDeliveries([delivery(uniqueRepoId()), shared], t)),
      );

      expect(results.map((outcomes) => outcomes[0])).toEqual(Array(6).fill("queued"));
      expect(results.filter((outcomes) => outcomes[1] === "queued")).toHaveLength(1);
    });
  });

  describe("durable queue: claiming", () => {
    it("claims the oldest due delivery with everything needed to process it", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const [a, b] = [delivery(uniqueRepoId(), { event: "push", action: "created" }), delivery(uniqueRepoId())];
      await enqueueOne(store, a, t);
      await enqueueOne(store, b, t);

      const first = await store.claimDelivery(t, 60_000);
      const second = await store.claimDelivery(t, 60_000);
      const none = await store.claimDelivery(t, 60_000);

      expect(first).toEqual({ ...a, token: expect.any(String), attempts: 1, receivedAt: t });
      expect(second?.id).toBe(b.id);
      expect(second?.token).not.toBe(first?.token);
      expect(none).toBeUndefined();
    });

    it("does not claim a delivery queued after `now`", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());
      await enqueueOne(store, d, later(t, 1000));

      expect(await store.claimDelivery(t, 60_000)).toBeUndefined();
      expect((await store.claimDelivery(later(t, 1000), 60_000))?.id).toBe(d.id);
    });

    it("runs one delivery of a repository at a time, in arrival order, while other repositories go on", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const repoA = uniqueRepoId();
      const [a1, a2, b1] = [delivery(repoA), delivery(repoA), delivery(uniqueRepoId())];
      for (const d of [a1, a2, b1]) await enqueueOne(store, d, t);

      const first = await store.claimDelivery(t, 60_000);
      const second = await store.claimDelivery(t, 60_000);
      const blocked = await store.claimDelivery(t, 60_000);
      await store.completeDelivery(a1.id, first?.token ?? "", t);
      const afterA1 = await store.claimDelivery(t, 60_000);

      expect([first?.id, second?.id, blocked, afterA1?.id]).toEqual([a1.id, b1.id, undefined, a2.id]);
    });

    it("never hands one repository to two of many concurrent claimers", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const repoA = uniqueRepoId();
      const repoB = uniqueRepoId();
      const queued = [delivery(repoA), delivery(repoA), delivery(repoA), delivery(repoB), delivery(repoB)];
      for (const d of queued) await enqueueOne(store, d, t);

      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimDelivery(t, 60_000)));

      const claimed = claims.filter((c) => c !== undefined);
      expect(claimed.map((c) => c.repoId).sort()).toEqual([repoA, repoB].sort());
      expect(new Set(claimed.map((c) => c.id)).size).toBe(2);
    });

    it("gives a delivery whose lease ran out to another worker; the first worker's token no longer counts", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());
      await enqueueOne(store, d, t);
      const dead = await store.claimDelivery(t, 1000);

      const whileLeased = await store.claimDelivery(later(t, 999), 1000);
      const taken = await store.claimDelivery(later(t, 1000), 60_000);
      const lateFinish = await store.completeDelivery(d.id, dead?.token ?? "", later(t, 1500));
      const finish = await store.completeDelivery(d.id, taken?.token ?? "", later(t, 1500));

      expect(whileLeased).toBeUndefined();
      expect(taken).toMatchObject({ id: d.id, attempts: 2 });
      expect([lateFinish, finish]).toEqual([false, true]);
    });

    it("keeps a delivery whose lease is extended", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());
      await enqueueOne(store, d, t);
      const claimed = await store.claimDelivery(t, 1000);

      const extended = await store.extendDeliveryLease(d.id, claimed?.token ?? "", later(t, 5000));
      const byOther = await store.claimDelivery(later(t, 2000), 1000);
      const wrongToken = await store.extendDeliveryLease(d.id, "not-the-token", later(t, 9000));

      expect([extended, byOther, wrongToken]).toEqual([true, undefined, false]);
    });
  });

  describe("durable queue: outcomes", () => {
    it("retries a failed delivery at the given time, keeping its error for the listing", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId(), { event: "check_run", action: "completed" });
      await enqueueOne(store, d, t);
      const first = await store.claimDelivery(t, 60_000);

      const retried = await store.retryDelivery(d.id, first?.token ?? "", {
        runAt: later(t, 3000),
        error: "GitHub answered 502",
        countAttempt: true,
      });
      const listed = await store.listDeliveries({ statuses: ["queued"], failedOnly: true, limit: 1000 });
      const tooEarly = await store.claimDelivery(later(t, 2999), 60_000);
      const second = await store.claimDelivery(later(t, 3000), 60_000);

      expect(retried).toBe(true);
      expect(listed.find((r) => r.id === d.id)).toEqual({
        id: d.id,
        event: "check_run",
        action: "completed",
        status: "queued",
        attempts: 1,
        error: "GitHub answered 502",
        receivedAt: t,
        nextAttemptAt: later(t, 3000),
        finishedAt: null,
      });
      expect(tooEarly).toBeUndefined();
      expect(second).toMatchObject({ id: d.id, attempts: 2 });
    });

    it("does not count a retry that GitHub's rate limit asked for as an attempt", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId());
      await enqueueOne(store, d, t);
      const first = await store.claimDelivery(t, 60_000);

      await store.retryDelivery(d.id, first?.token ?? "", { runAt: t, error: "rate limited", countAttempt: false });
      const second = await store.claimDelivery(t, 60_000);

      expect(second).toMatchObject({ id: d.id, attempts: 1 });
    });

    it("parks a delivery: listed with its last error, never claimed, until it is queued again", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const d = delivery(uniqueRepoId(), { event: "push" });
      await enqueueOne(store, d, t);
      const claimed = await store.claimDelivery(t, 60_000);

      const parked = await store.parkDelivery(d.id, claimed?.token ?? "", later(t, 10), "Cannot read properties of undefined");
      const whileParked = await store.claimDelivery(later(t, DAY_MS / 2), 60_000);
      const listed = await store.listDeliveries({ statuses: ["parked"], limit: 1000 });
      const requeued = await store.requeueDelivery(d.id, later(t, 20));
      const requeuedTwice = await store.requeueDelivery(d.id, later(t, 20));
      const again = await store.claimDelivery(later(t, 20), 60_000);

      expect(parked).toBe(true);
      expect(whileParked).toBeUndefined();
      expect(listed.find((r) => r.id === d.id)).toMatchObject({
        status: "parked",
        attempts: 1,
        error: "Cannot read properties of undefined",
        nextAttemptAt: null,
        finishedAt: later(t, 10),
      });
      expect([requeued, requeuedTwice]).toEqual([true, false]);
      expect(again).toMatchObject({ id: d.id, attempts: 1, payload: d.payload });
    });

    it("lists by status and error, newest first, and counts what waits, runs and is parked", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const before = await store.countDeliveries();
      const [running, failing, parked, waiting] = [1, 2, 3, 4].map(() => delivery(uniqueRepoId())) as [
        NewDelivery,
        NewDelivery,
        NewDelivery,
        NewDelivery,
      ];
      await enqueueOne(store, running, t);
      await enqueueOne(store, failing, later(t, 1));
      await enqueueOne(store, parked, later(t, 2));
      await enqueueOne(store, waiting, later(t, 1000));
      const claims = [await store.claimDelivery(t, 60_000), await store.claimDelivery(later(t, 1), 60_000)];
      const claimedParked = await store.claimDelivery(later(t, 2), 60_000);
      await store.retryDelivery(failing.id, claims[1]?.token ?? "", {
        runAt: later(t, DAY_MS / 2),
        error: "502",
        countAttempt: true,
      });
      await store.parkDelivery(parked.id, claimedParked?.token ?? "", later(t, 3), "boom");

      const mine = [running, failing, parked, waiting].map((d) => d.id);
      const ids = async (filter: Parameters<Store["listDeliveries"]>[0]) =>
        (await store.listDeliveries(filter)).map((r) => r.id).filter((id) => mine.includes(id));
      const failingOnes = await ids({ statuses: ["parked", "queued"], failedOnly: true, limit: 1000 });
      const unfinished = await ids({ statuses: ["parked", "queued", "running"], limit: 1000 });
      const after = await store.countDeliveries();

      expect(claims.map((c) => c?.id)).toEqual([running.id, failing.id]);
      expect(failingOnes).toEqual([parked.id, failing.id]);
      expect(unfinished).toEqual([waiting.id, parked.id, failing.id, running.id]);
      expect(await store.listDeliveries({ statuses: ["parked"], limit: 0 })).toEqual([]);
      expect(after.parked - before.parked).toBe(1);
      expect(after.queued - before.queued).toBe(2);
      expect(after.running - before.running).toBe(1);
    });
  });

  describe("durable queue: pruning", () => {
    it("deletes processed deliveries finished before the cut-off, and nothing unfinished", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const [old, recent, parked] = [1, 2, 3].map(() => delivery(uniqueRepoId())) as [NewDelivery, NewDelivery, NewDelivery];
      for (const d of [old, recent, parked]) await enqueueOne(store, d, t);
      const claims = [
        await store.claimDelivery(t, 60_000),
        await store.claimDelivery(t, 60_000),
        await store.claimDelivery(t, 60_000),
      ];
      await store.completeDelivery(old.id, claims[0]?.token ?? "", t);
      await store.completeDelivery(recent.id, claims[1]?.token ?? "", later(t, 5000));
      await store.parkDelivery(parked.id, claims[2]?.token ?? "", t, "boom");

      const pruned = await store.pruneDeliveries(later(t, 1000), 1000);
      const redelivered = await enqueueOne(store, old, later(t, 6000));
      const recentAgain = await enqueueOne(store, recent, later(t, 6000));
      const stillParked = await store.listDeliveries({ statuses: ["parked"], limit: 1000 });

      expect(pruned).toBeGreaterThanOrEqual(1);
      expect(redelivered).toBe("queued");
      expect(recentAgain).toBe("duplicate");
      expect(stillParked.map((d) => d.id)).toContain(parked.id);
    });
  });
}
