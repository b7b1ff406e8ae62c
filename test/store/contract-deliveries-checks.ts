import { describe, expect, it } from "@jest/globals";
import type { CheckRecord, Store } from "../../src/store/store.js";
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
