import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { deploymentRecord, sha, uniqueRepoId } from "./store-fixtures.js";

const RECORDED = new Date("2026-03-01T10:00:00Z");

/** Contract: commit times from pushes, read with the deployments of their commits. */
export function describeCommitTimeContract(getStore: () => Store): void {
  /** The commit time the metrics read for a deployment (GitHub id `id`) of `commit`, recorded for the occasion. */
  async function commitTimeOf(store: Store, repoId: number, id: number, commit: string): Promise<Date | null | undefined> {
    await store.recordDeployment(deploymentRecord(repoId, { id, sha: commit, createdAt: RECORDED }));
    const found = await store.listDeploymentsForMetrics(repoId, undefined, RECORDED);
    return found.find((d) => d.id === id)?.commitTime;
  }

  describe("commit times", () => {
    it("keeps a commit's first known time, per repository, a push's worth at once", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const otherRepoId = uniqueRepoId();
      const committedAt = new Date("2026-02-27T08:30:15Z");
      const many = Array.from({ length: 2048 }, (_, index) => ({
        sha: `c${index.toString(16).padStart(39, "0")}`,
        committedAt: new Date(committedAt.getTime() + index * 1000),
      }));
      const later = { sha: sha("a"), committedAt: RECORDED };

      await store.recordCommitTimes(repoId, [{ sha: sha("a"), committedAt }, ...many, later], RECORDED);
      await store.recordCommitTimes(repoId, [later], RECORDED);
      await store.recordCommitTimes(repoId, [], RECORDED);

      expect(await commitTimeOf(store, repoId, repoId + 1, sha("a"))).toEqual(committedAt);
      expect(await commitTimeOf(store, repoId, repoId + 2, `c${"7ff".padStart(39, "0")}`)).toEqual(
        new Date(committedAt.getTime() + 2047_000),
      );
      expect(await commitTimeOf(store, otherRepoId, otherRepoId + 1, sha("a"))).toBeNull();
    });

    it("prunes commit times recorded before a time, not later ones", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const committedAt = new Date("1999-12-31T00:00:00Z");
      await store.recordCommitTimes(repoId, [{ sha: sha("old"), committedAt }], new Date("2000-01-01T00:00:00Z"));
      await store.recordCommitTimes(repoId, [{ sha: sha("new"), committedAt }], new Date("2999-01-01T00:00:00Z"));

      const pruned = await store.pruneCommitTimes(new Date("2000-01-02T00:00:00Z"), 1000);

      expect(pruned).toBeGreaterThanOrEqual(1);
      expect(await commitTimeOf(store, repoId, repoId + 1, sha("old"))).toBeNull();
      expect(await commitTimeOf(store, repoId, repoId + 2, sha("new"))).toEqual(committedAt);
    });
  });
}
