import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { pendingRecord, sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: pending deploys, their replacement by newer commits and the retry schedule. */
export function describePendingContract(getStore: () => Store): void {
  describe("pending deploys", () => {
    it("keeps one pending deploy per target and ref: another commit replaces it", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const first = pendingRecord(repoId, { sha: sha("a") });
      const second = pendingRecord(repoId, { sha: sha("b"), trigger: "pull_request", pr: 12 });

      await store.savePending(first);
      await store.savePending(first);
      const afterSameSha = await store.listPendingByRef(repoId, first.ref);
      await store.savePending(second);

      expect(afterSameSha).toEqual([first]);
      expect(await store.listPendingBySha(repoId, sha("a"))).toEqual([]);
      expect(await store.listPendingBySha(repoId, sha("b"))).toEqual([second]);
    });

    it("keeps a scheduled retry when the same commit is saved again, resets it for a new commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const retryAt = new Date("2026-03-01T12:00:00Z");
      await store.savePending(pendingRecord(repoId));
      await store.deferPending(repoId, "production", "refs/heads/main", sha("a"), retryAt, "HTTP 502");

      await store.savePending(pendingRecord(repoId, { pr: 3 }));
      const [kept] = await store.listPendingBySha(repoId, sha("a"));
      await store.savePending(pendingRecord(repoId, { sha: sha("b") }));
      const [fresh] = await store.listPendingBySha(repoId, sha("b"));

      const retried = { pr: 3, attempts: 1, nextAttemptAt: retryAt, lastError: "HTTP 502" };
      expect(kept).toEqual(pendingRecord(repoId, retried));
      expect(fresh).toEqual(pendingRecord(repoId, { sha: sha("b") }));
    });

    it("wakes a waiting deploy at a set time (only that commit's), and forgets the wake-up when cleared", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const freezeEnds = new Date("2026-12-14T08:00:00Z");
      await store.savePending(pendingRecord(repoId));

      await store.wakePendingAt(repoId, "production", "refs/heads/main", sha("a"), freezeEnds);
      await store.wakePendingAt(repoId, "production", "refs/heads/main", sha("other"), new Date(0));
      const dueBefore = await store.listDuePending(new Date(freezeEnds.getTime() - 1));
      const dueAt = await store.listDuePending(freezeEnds);
      await store.wakePendingAt(repoId, "production", "refs/heads/main", sha("a"), null);

      expect(dueBefore.filter((p) => p.repoId === repoId)).toEqual([]);
      expect(dueAt.filter((p) => p.repoId === repoId)).toEqual([pendingRecord(repoId, { nextAttemptAt: freezeEnds })]);
      expect(await store.listPendingBySha(repoId, sha("a"))).toEqual([pendingRecord(repoId)]);
    });

    it("lists by commit and by ref", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const production = pendingRecord(repoId);
      const staging = pendingRecord(repoId, { target: "staging" });
      const feature = pendingRecord(repoId, { ref: "refs/heads/feature", sha: sha("f") });
      for (const p of [staging, production, feature]) await store.savePending(p);

      expect(await store.listPendingBySha(repoId, sha("a"))).toEqual([production, staging]);
      expect(await store.listPendingByRef(repoId, "refs/heads/main")).toEqual([production, staging]);
      expect(await store.listPendingByRef(repoId, "refs/heads/feature")).toEqual([feature]);
      expect(await store.listPendingByRef(uniqueRepoId(), "refs/heads/main")).toEqual([]);
    });

    it("lists every pending deploy of a repository by target and ref", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const production = pendingRecord(repoId);
      const feature = pendingRecord(repoId, { ref: "refs/heads/feature", sha: sha("f"), trigger: "pull_request", pr: 5 });
      const staging = pendingRecord(repoId, { target: "staging", sha: sha("b") });
      for (const p of [staging, feature, production]) await store.savePending(p);
      await store.savePending(pendingRecord(uniqueRepoId()));

      expect(await store.listPendingByRepo(repoId)).toEqual([feature, production, staging]);
      expect(await store.listPendingByRepo(uniqueRepoId())).toEqual([]);
    });

    it("lists a deferred deploy as due only once its time has come", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const retryAt = new Date("2026-03-01T12:00:00Z");
      await store.savePending(pendingRecord(repoId));
      await store.savePending(pendingRecord(repoId, { target: "staging" }));
      await store.deferPending(repoId, "production", "refs/heads/main", sha("a"), retryAt, "HTTP 502");
      await store.deferPending(repoId, "production", "refs/heads/main", sha("stale"), retryAt, "ignored");
      const dueFor = async (now: Date) => (await store.listDuePending(now)).filter((p) => p.repoId === repoId);

      const before = await dueFor(new Date(retryAt.getTime() - 1));
      const at = await dueFor(retryAt);

      expect(before).toEqual([]);
      expect(at).toEqual([pendingRecord(repoId, { attempts: 1, nextAttemptAt: retryAt, lastError: "HTTP 502" })]);
    });

    it("deletes only when the pending deploy is still for that commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.savePending(pendingRecord(repoId, { sha: sha("b") }));

      await store.deletePending(repoId, "production", "refs/heads/main", sha("a"));
      const afterStale = await store.listPendingByRef(repoId, "refs/heads/main");
      await store.deletePending(repoId, "production", "refs/heads/main", sha("b"));
      const afterCurrent = await store.listPendingByRef(repoId, "refs/heads/main");

      expect(afterStale).toHaveLength(1);
      expect(afterCurrent).toEqual([]);
    });

    it("keeps exactly one of the commits saved concurrently for a target and ref", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const labels = ["a", "b", "c", "d"];

      await Promise.all(labels.map((l) => store.savePending(pendingRecord(repoId, { sha: sha(l) }))));

      const waiting = await store.listPendingByRef(repoId, "refs/heads/main");
      expect(waiting).toHaveLength(1);
      expect(labels.map(sha)).toContain(waiting[0]?.sha);
    });
  });
}
