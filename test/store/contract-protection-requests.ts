import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { protectionRequest, sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: protection rule requests held until answered, woken at their time, pruned after GitHub's 30 days. */
export function describeProtectionRequestContract(getStore: () => Store): void {
  describe("protection rule requests", () => {
    it("keeps one request per run and environment: asking again starts over", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const first = protectionRequest(repoId);
      const staging = protectionRequest(repoId, { environment: "staging", sha: sha("b") });
      await store.saveProtectionRequest(first);
      await store.saveProtectionRequest(staging);
      const key = { repoId, runId: 501, environment: "production" };
      await store.holdProtectionRequest(key, { reason: "locked", message: "production is locked", wakeAt: null });
      const held = await store.listProtectionRequests(repoId, sha("a"));

      await store.saveProtectionRequest(first);

      expect(held).toEqual([{ ...first, reason: "locked", message: "production is locked" }]);
      expect(await store.listProtectionRequests(repoId, sha("a"))).toEqual([first]);
      expect(await store.listProtectionRequests(repoId)).toEqual([first, staging]);
      expect(await store.listProtectionRequests(uniqueRepoId())).toEqual([]);
    });

    it("lists the requests whose wake-up time has come, and forgets answered ones", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const wakeAt = new Date("2026-12-01T12:00:00Z");
      await store.saveProtectionRequest(protectionRequest(repoId, { wakeAt }));
      await store.saveProtectionRequest(protectionRequest(repoId, { runId: 502 }));

      const before = await store.listDueProtectionRequests(new Date(wakeAt.getTime() - 1));
      const due = await store.listDueProtectionRequests(wakeAt);
      await store.deleteProtectionRequest({ repoId, runId: 501, environment: "production" });

      expect(before.filter((r) => r.repoId === repoId)).toEqual([]);
      expect(due.filter((r) => r.repoId === repoId).map((r) => r.runId)).toEqual([501]);
      expect((await store.listProtectionRequests(repoId)).map((r) => r.runId)).toEqual([502]);
    });

    it("prunes requests older than a time, oldest first, up to a limit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const at = (day: number) => new Date(Date.UTC(2000, 0, day));
      for (const day of [1, 2, 3])
        await store.saveProtectionRequest(protectionRequest(repoId, { runId: day, requestedAt: at(day) }));

      const first = await store.pruneProtectionRequests(at(3), 1);
      const second = await store.pruneProtectionRequests(at(3), 10);

      expect([first, second]).toEqual([1, 1]);
      expect((await store.listProtectionRequests(repoId)).map((r) => r.runId)).toEqual([3]);
    });
  });
}
