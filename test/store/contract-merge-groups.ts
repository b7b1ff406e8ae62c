import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { sha, uniqueRepoId } from "./store-fixtures.js";

const MAIN = "refs/heads/main";
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 12, minute));

/** Contract: merge groups from checks_requested to destroyed, with the contexts reported on their commits. */
export function describeMergeGroupContract(getStore: () => Store): void {
  describe("merge groups", () => {
    it("keeps groups in flight until destroyed, newest first, with the contexts reported on each commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.saveMergeGroup({ repoId, headSha: sha("a"), baseRef: MAIN, pr: 7, requestedAt: at(1) });
      await store.saveMergeGroup({ repoId, headSha: sha("b"), baseRef: MAIN, pr: null, requestedAt: at(2) });
      await store.recordCheck({ repoId, sha: sha("a"), context: "ci/test", source: "status", outcome: "success", externalId: 1 });
      await store.recordCheck({
        repoId,
        sha: sha("a"),
        context: "ci/lint",
        source: "check_run",
        outcome: "pending",
        externalId: 2,
      });

      await store.destroyMergeGroup(repoId, sha("a"), at(3), "merged");
      await store.destroyMergeGroup(repoId, sha("c"), at(3), "dequeued");

      expect(await store.listMergeGroups(repoId, at(0), 10)).toEqual([
        { headSha: sha("b"), baseRef: MAIN, pr: null, requestedAt: at(2), destroyedAt: null, contexts: [] },
        { headSha: sha("a"), baseRef: MAIN, pr: 7, requestedAt: at(1), destroyedAt: at(3), contexts: ["ci/lint", "ci/test"] },
      ]);
      expect((await store.listMergeGroups(repoId, at(2), 1)).map((g) => g.headSha)).toEqual([sha("b")]);
      expect(await store.listMergeGroups(uniqueRepoId(), at(0), 10)).toEqual([]);
    });

    it("starts a group over when the queue asks again for the same commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.saveMergeGroup({ repoId, headSha: sha("a"), baseRef: MAIN, pr: 7, requestedAt: at(1) });
      await store.destroyMergeGroup(repoId, sha("a"), at(2), "invalidated");

      await store.saveMergeGroup({ repoId, headSha: sha("a"), baseRef: MAIN, pr: 7, requestedAt: at(3) });

      expect(await store.listMergeGroups(repoId, at(0), 10)).toMatchObject([{ requestedAt: at(3), destroyedAt: null }]);
    });

    it("finds the newest group of a pull request", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.saveMergeGroup({ repoId, headSha: sha("a"), baseRef: MAIN, pr: 7, requestedAt: at(1) });
      await store.saveMergeGroup({ repoId, headSha: sha("b"), baseRef: MAIN, pr: 7, requestedAt: at(2) });

      expect((await store.findMergeGroupOfPullRequest(repoId, 7))?.headSha).toBe(sha("b"));
      expect(await store.findMergeGroupOfPullRequest(repoId, 8)).toBeUndefined();
    });

    it("prunes groups older than a time, oldest first, up to a limit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const old = (day: number) => new Date(Date.UTC(2000, 0, day));
      for (const day of [1, 2, 3]) {
        await store.saveMergeGroup({ repoId, headSha: sha(String(day)), baseRef: MAIN, pr: null, requestedAt: old(day) });
      }

      const first = await store.pruneMergeGroups(old(3), 1);
      const second = await store.pruneMergeGroups(old(3), 10);

      expect([first, second]).toEqual([1, 1]);
      expect((await store.listMergeGroups(repoId, old(0), 10)).map((g) => g.requestedAt)).toEqual([old(3)]);
    });
  });
}
