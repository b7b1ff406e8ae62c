import { describe, expect, it } from "@jest/globals";
import type { CheckRecord, DeliveryRecord, Store } from "../../src/store/store.js";
import { sha, uniqueDeliveryId, uniqueRepoId } from "./store-fixtures.js";

/** Contract: webhook de-duplication and newest-run-wins check facts. */
export function describeDeliveryAndCheckContract(getStore: () => Store): void {
  describe("deliveries", () => {
    it("reports a second begin of the same delivery as a duplicate", async () => {
      const store = getStore();
      const id = uniqueDeliveryId();

      const first = await store.beginDelivery(id, "push", null);
      const whileProcessing = await store.beginDelivery(id, "push", null);
      await store.finishDelivery(id, "done");
      const afterDone = await store.beginDelivery(id, "push", null);

      expect([first, whileProcessing, afterDone]).toEqual(["new", "duplicate", "duplicate"]);
    });

    it("processes a failed delivery again when it is redelivered, once", async () => {
      const store = getStore();
      const id = uniqueDeliveryId();
      await store.beginDelivery(id, "check_run", "completed");
      await store.finishDelivery(id, "failed", "GitHub answered 502");

      const redelivered = await store.beginDelivery(id, "check_run", "completed");
      const again = await store.beginDelivery(id, "check_run", "completed");

      expect([redelivered, again]).toEqual(["new", "duplicate"]);
    });

    it("lets exactly one of concurrent begins of the same delivery start it", async () => {
      const store = getStore();
      const id = uniqueDeliveryId();

      const results = await Promise.all(Array.from({ length: 8 }, () => store.beginDelivery(id, "push", null)));

      expect(results.filter((r) => r === "new")).toHaveLength(1);
    });

    it("lets exactly one of concurrent redeliveries of a failed delivery start it", async () => {
      const store = getStore();
      const id = uniqueDeliveryId();
      await store.beginDelivery(id, "push", null);
      await store.finishDelivery(id, "failed", "boom");

      const results = await Promise.all(Array.from({ length: 8 }, () => store.beginDelivery(id, "push", null)));

      expect(results.filter((r) => r === "new")).toHaveLength(1);
    });
  });

  describe("listing failed and stuck deliveries", () => {
    const future = () => new Date(Date.now() + 60_000);
    const past = () => new Date(Date.now() - 60_000);
    const ids = (records: readonly DeliveryRecord[], mine: readonly string[]) =>
      records.map((r) => r.id).filter((id) => mine.includes(id));
    // Arrival times may tie (PGlite's clock is coarse): order is checked only where time passed.
    const idSet = (records: readonly DeliveryRecord[], mine: readonly string[]) => ids(records, mine).sort();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

    it("lists failed deliveries with their error, and neither done nor (by default) processing ones", async () => {
      const store = getStore();
      const [failedOld, done, processing, failedNew] = [1, 2, 3, 4].map(() => uniqueDeliveryId()) as [
        string,
        string,
        string,
        string,
      ];
      await store.beginDelivery(failedOld, "check_run", "completed");
      await store.finishDelivery(failedOld, "failed", "GitHub answered 503");
      await store.beginDelivery(done, "push", null);
      await store.finishDelivery(done, "done");
      await store.beginDelivery(processing, "push", null);
      await store.beginDelivery(failedNew, "push", null);
      await store.finishDelivery(failedNew, "failed", "boom");

      const listed = await store.listDeliveries({ statuses: ["failed"], limit: 1000 });

      expect(idSet(listed, [failedOld, done, processing, failedNew])).toEqual([failedNew, failedOld].sort());
      const old = listed.find((r) => r.id === failedOld);
      expect(old).toEqual({
        id: failedOld,
        event: "check_run",
        action: "completed",
        status: "failed",
        error: "GitHub answered 503",
        receivedAt: expect.any(Date),
        finishedAt: expect.any(Date),
      });
      expect(listed.find((r) => r.id === failedNew)?.action).toBeNull();
    });

    it("lists processing deliveries only when they arrived before olderThan, failed ones whatever their age", async () => {
      const store = getStore();
      const processing = uniqueDeliveryId();
      const failed = uniqueDeliveryId();
      await store.beginDelivery(processing, "deployment_status", "created");
      await store.beginDelivery(failed, "push", null);
      await store.finishDelivery(failed, "failed", "boom");
      const mine = [processing, failed];

      const stuck = await store.listDeliveries({ statuses: ["failed", "processing"], olderThan: future(), limit: 1000 });
      const recent = await store.listDeliveries({ statuses: ["failed", "processing"], olderThan: past(), limit: 1000 });
      const onlyProcessing = await store.listDeliveries({ statuses: ["processing"], limit: 1000 });

      expect(idSet(stuck, mine)).toEqual([failed, processing].sort());
      expect(stuck.find((r) => r.id === processing)).toMatchObject({ status: "processing", error: null, finishedAt: null });
      expect(ids(recent, mine)).toEqual([failed]);
      expect(ids(onlyProcessing, mine)).toEqual([processing]);
    });

    it("drops a redelivered failure from the list once it is processed again", async () => {
      const store = getStore();
      const id = uniqueDeliveryId();
      await store.beginDelivery(id, "push", null);
      await store.finishDelivery(id, "failed", "boom");
      await store.beginDelivery(id, "push", null);
      await store.finishDelivery(id, "done");

      expect(ids(await store.listDeliveries({ statuses: ["failed", "processing"], limit: 1000 }), [id])).toEqual([]);
    });

    it("returns at most limit deliveries, the newest first", async () => {
      const store = getStore();
      const mine = [1, 2, 3].map(() => uniqueDeliveryId());
      for (const id of mine) {
        await tick();
        await store.beginDelivery(id, "push", null);
        await store.finishDelivery(id, "failed", "boom");
      }

      const two = await store.listDeliveries({ statuses: ["failed"], limit: 2 });

      expect(two.map((r) => r.id)).toEqual([mine[2], mine[1]]);
      expect(await store.listDeliveries({ statuses: ["failed"], limit: 0 })).toEqual([]);
      expect(await store.listDeliveries({ statuses: [], limit: 10 })).toEqual([]);
    });
  });

  describe("checks", () => {
    const check = (repoId: number, overrides: Partial<CheckRecord>): CheckRecord => ({
      repoId,
      sha: sha("c"),
      context: "ci/build",
      source: "check_run",
      outcome: "success",
      externalId: 5_000_000_010,
      ...overrides,
    });

    it("keeps the run with the highest id per context", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, { externalId: 5_000_000_010, outcome: "success" }));
      await store.recordCheck(check(repoId, { externalId: 5_000_000_005, outcome: "failure" }));
      await store.recordCheck(check(repoId, { context: "lint", source: "status", externalId: 7, outcome: "pending" }));

      const afterOlder = await store.listChecks(repoId, sha("c"));
      await store.recordCheck(check(repoId, { externalId: 5_000_000_020, outcome: "failure" }));
      const afterNewer = await store.listChecks(repoId, sha("c"));

      expect(afterOlder).toEqual([
        check(repoId, { externalId: 5_000_000_010, outcome: "success" }),
        check(repoId, { context: "lint", source: "status", externalId: 7, outcome: "pending" }),
      ]);
      expect(afterNewer[0]).toEqual(check(repoId, { externalId: 5_000_000_020, outcome: "failure" }));
      expect(afterNewer[1]?.context).toBe("lint");
    });

    it("moves the same run on to its outcome but never back to pending", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, { outcome: "pending" }));
      await store.recordCheck(check(repoId, { outcome: "success" }));
      const completed = await store.listChecks(repoId, sha("c"));

      await store.recordCheck(check(repoId, { outcome: "pending" }));
      const afterLateCreated = await store.listChecks(repoId, sha("c"));

      expect(completed.map((c) => c.outcome)).toEqual(["success"]);
      expect(afterLateCreated.map((c) => c.outcome)).toEqual(["success"]);
    });

    it("keeps checks of other commits and repositories apart", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, {}));

      expect(await store.listChecks(repoId, sha("other"))).toEqual([]);
      expect(await store.listChecks(uniqueRepoId(), sha("c"))).toEqual([]);
    });
  });
}
