import { describe, expect, it } from "@jest/globals";
import type { DeploymentStatusRecord } from "../../src/domain/deployments.js";
import type { Store } from "../../src/store/store.js";
import type { WatchRecord } from "../../src/store/watch-store.js";
import { deploymentRecord, uniqueRepoId } from "./store-fixtures.js";

const MINUTE = 60_000;
const LEASE = 5 * MINUTE;
/** When these tests' deployments were created and watched. */
const CREATED = new Date("2026-01-01T10:00:00Z");
const at = (minutes: number) => new Date(CREATED.getTime() + minutes * MINUTE);

/** Contract: the watchdog's watches, claimed by one watchdog once due. */
export function describeWatchContract(getStore: () => Store): void {
  async function watched(store: Store, repoId: number, fields: Partial<WatchRecord> = {}): Promise<WatchRecord> {
    const deploymentId = fields.deploymentId ?? repoId + 1;
    await store.recordDeployment(deploymentRecord(repoId, { id: deploymentId, createdAt: CREATED, pr: 7 }));
    const watch = {
      deploymentId,
      repoId,
      owner: "acme",
      repo: "shop",
      installationId: 3,
      stuckAfterMs: 10 * MINUTE,
      timeoutMs: 60 * MINUTE,
      watchedAt: CREATED,
      ...fields,
    };
    await store.watchDeployment(watch);
    return watch;
  }
  const status = (id: number, deploymentId: number, state: string, minute: number): DeploymentStatusRecord => ({
    id,
    deploymentId,
    state,
    description: null,
    environmentUrl: null,
    logUrl: null,
    createdAt: at(minute),
  });
  const claimedIds = async (store: Store, now: Date, repoId: number) =>
    (await store.claimDueWatches(now, LEASE, 100)).filter((due) => due.repoId === repoId).map((due) => due.deploymentId);

  describe("deployment watches", () => {
    it("is due stuck_after past creation without any status, and not before", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const silent = await watched(store, repoId, { deploymentId: repoId + 1 });
      const acknowledged = await watched(store, repoId, { deploymentId: repoId + 2 });
      await store.recordDeploymentStatus(status(repoId + 11, acknowledged.deploymentId, "queued", 1));

      const early = await claimedIds(store, at(9), repoId);
      const due = await store.claimDueWatches(at(10), LEASE, 100);

      expect(early).toEqual([]);
      expect(due.filter((watch) => watch.repoId === repoId)).toEqual([
        { ...silent, kind: "stuck", state: null, environment: "production", sha: deploymentRecord(repoId).sha, pr: 7 },
      ]);
    });

    it.each(["queued", "pending"])("is due timeout after a %s status that never moved on", async (state) => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const waiting = await watched(store, repoId, { deploymentId: repoId + 1 });
      await store.recordDeploymentStatus(status(repoId + 11, waiting.deploymentId, state, 2));

      const beforeTimeout = await claimedIds(store, at(61), repoId);
      const afterTimeout = await store.claimDueWatches(at(62), LEASE, 100);

      expect(beforeTimeout).toEqual([]);
      expect(afterTimeout.filter((watch) => watch.repoId === repoId).map((watch) => [watch.kind, watch.state])).toEqual([
        ["timeout", state],
      ]);
    });

    it("is due timeout after the in_progress status; a status that ends the deployment ends the watch", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const running = await watched(store, repoId, { deploymentId: repoId + 1 });
      const finished = await watched(store, repoId, { deploymentId: repoId + 2 });
      await store.recordDeploymentStatus(status(repoId + 11, running.deploymentId, "in_progress", 5));
      await store.recordDeploymentStatus(status(repoId + 12, finished.deploymentId, "in_progress", 5));
      await store.recordDeploymentStatus(status(repoId + 13, finished.deploymentId, "success", 6));

      const beforeTimeout = await claimedIds(store, at(64), repoId);
      const afterTimeout = await store.claimDueWatches(at(65), LEASE, 100);

      expect(beforeTimeout).toEqual([]);
      expect(
        afterTimeout.filter((watch) => watch.repoId === repoId).map((watch) => [watch.deploymentId, watch.kind, watch.state]),
      ).toEqual([[running.deploymentId, "timeout", "in_progress"]]);
      // The finished one's watch is gone: recording an in_progress status again cannot revive it.
      await store.recordDeploymentStatus(status(repoId + 14, finished.deploymentId, "in_progress", 70));
      expect(await claimedIds(store, at(200), repoId)).toEqual([running.deploymentId]);
    });

    it("gives a due watch to one of several watchdogs claiming at once", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const watches = await Promise.all([1, 2, 3].map((n) => watched(store, repoId, { deploymentId: repoId + n })));

      const claims = await Promise.all([1, 2, 3].map(() => claimedIds(store, at(11), repoId)));

      expect(claims.flat().sort()).toEqual(watches.map((watch) => watch.deploymentId).sort());
    });

    it("holds a claimed watch for its lease; ended by the watchdog's error status, it never comes back", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const kept = await watched(store, repoId, { deploymentId: repoId + 1 });
      const ended = await watched(store, repoId, { deploymentId: repoId + 2 });

      const first = await claimedIds(store, at(11), repoId);
      await store.recordDeploymentStatus(status(repoId + 21, ended.deploymentId, "error", 12));
      const withinLease = await claimedIds(store, at(15), repoId);
      const afterLease = await claimedIds(store, at(16), repoId);

      expect(first.sort()).toEqual([kept.deploymentId, ended.deploymentId].sort());
      expect(withinLease).toEqual([]);
      expect(afterLease).toEqual([kept.deploymentId]);
    });

    it("ends a watch on request: it is never due again", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const gone = await watched(store, repoId, { deploymentId: repoId + 1 });

      await store.endWatch(gone.deploymentId);

      expect(await claimedIds(store, at(500), repoId)).toEqual([]);
    });
  });
}
