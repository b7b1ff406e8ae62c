import { describe, expect, it } from "@jest/globals";
import type { DeploymentRecord, DeploymentStatusRecord } from "../../src/domain/deployments.js";
import type { Lifecycle } from "../../src/domain/lifecycle.js";
import type { Store } from "../../src/store/store.js";
import { deploymentRecord, sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: deployments with their newest status. */
export function describeDeploymentContract(getStore: () => Store): void {
  const status = (id: number, deploymentId: number, state: string, minute: number): DeploymentStatusRecord => ({
    id,
    deploymentId,
    state,
    description: `${state} at ${minute}`,
    environmentUrl: null,
    logUrl: "https://example.com/log",
    createdAt: new Date(Date.UTC(2026, 0, 1, 11, minute)),
  });

  /** A deployment as listed: with the state (and lifecycle) of the status given, or none. */
  const listed = (d: DeploymentRecord, newest?: DeploymentStatusRecord, lifecycle: Lifecycle = "created") => ({
    ...d,
    state: newest?.state ?? null,
    lifecycle,
    stateAt: newest?.createdAt ?? null,
    statusDescription: newest?.description ?? null,
    environmentUrl: newest?.environmentUrl ?? null,
    logUrl: newest?.logUrl ?? null,
  });

  describe("deployments and statuses", () => {
    it("lists newest first with each one's newest status, however statuses arrive", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const older = deploymentRecord(repoId, { id: repoId + 1 });
      const newer = deploymentRecord(repoId, {
        id: repoId + 2,
        sha: sha("b"),
        createdAt: new Date("2026-01-02T00:00:00Z"),
      });
      const elsewhere = deploymentRecord(repoId, { id: repoId + 3, environment: "staging" });
      // Out of order, one twice, one before its deployment exists.
      await store.recordDeploymentStatus(status(repoId + 12, older.id, "success", 5));
      for (const d of [older, newer, elsewhere]) await store.recordDeployment(d);
      await store.recordDeploymentStatus(status(repoId + 11, older.id, "in_progress", 1));
      await store.recordDeploymentStatus(status(repoId + 12, older.id, "success", 5));
      const failed = status(repoId + 13, older.id, "failure", 5);
      await store.recordDeploymentStatus(failed);

      const all = await store.listDeployments(repoId, "production");
      const limited = await store.listDeployments(repoId, "production", 1);

      expect(all).toEqual([listed(newer), listed(older, failed, "failed")]);
      expect(limited).toEqual([listed(newer)]);
    });

    it("keeps what only one source knew when the other records the deployment again", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const ours = deploymentRecord(repoId, { pr: 7, transient: true, creator: "alice", trigger: "command", description: "v2" });
      await store.recordDeployment(ours);

      await store.recordDeployment({ ...ours, target: null, pr: null, creator: null, trigger: null });

      expect(await store.listDeployments(repoId, "production")).toEqual([listed(ours)]);
    });

    it("takes the newest status by GitHub's id, not by its time, and ignores states GitHub does not document", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const d = deploymentRecord(repoId);
      await store.recordDeployment(d);
      const started = status(repoId + 20, d.id, "in_progress", 1);
      await store.recordDeploymentStatus(status(repoId + 19, d.id, "success", 9));
      await store.recordDeploymentStatus(started);
      await store.recordDeploymentStatus(status(repoId + 21, d.id, "exploded", 10));

      expect(await store.listDeployments(repoId, "production")).toEqual([listed(d, started, "started")]);
    });

    it("gives one deployment with every status, oldest first, unknown states included", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const d = deploymentRecord(repoId, { trigger: "hook", creator: "deliverybot[bot]", description: "image 1.2" });
      const statuses = [
        status(repoId + 31, d.id, "queued", 1),
        status(repoId + 32, d.id, "in_progress", 2),
        status(repoId + 33, d.id, "mystery", 3),
        status(repoId + 34, d.id, "success", 4),
      ];
      await store.recordDeployment(d);
      for (const s of [...statuses].reverse()) await store.recordDeploymentStatus(s);

      const history = await store.getDeployment(repoId, d.id);

      expect(history).toEqual({ ...listed(d, statuses[3], "succeeded"), statuses });
      expect(await store.getDeployment(repoId + 1, d.id)).toBeUndefined();
      expect(await store.getDeployment(repoId, d.id + 999)).toBeUndefined();
    });

    it("prunes old deployments with their statuses, keeping each environment's newest whatever its age", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const at = (day: number) => new Date(Date.UTC(2025, 0, day));
      const oldest = deploymentRecord(repoId, { id: repoId + 1, createdAt: at(1) });
      const old = deploymentRecord(repoId, { id: repoId + 2, createdAt: at(2) });
      const recent = deploymentRecord(repoId, { id: repoId + 3, createdAt: at(20) });
      const onlyStaging = deploymentRecord(repoId, { id: repoId + 4, environment: "staging", createdAt: at(1) });
      for (const d of [oldest, old, recent, onlyStaging]) await store.recordDeployment(d);
      await store.recordDeploymentStatus(status(repoId + 41, oldest.id, "success", 1));
      // A status whose deployment was never seen, reported long ago.
      await store.recordDeploymentStatus({ ...status(repoId + 42, repoId + 99, "success", 1), createdAt: at(1) });

      const firstBatch = await store.pruneDeployments(at(10), 1);
      const secondBatch = await store.pruneDeployments(at(10), 100);

      expect([firstBatch, secondBatch]).toEqual([1, 1]);
      expect((await store.listDeployments(repoId, "production")).map((d) => d.id)).toEqual([recent.id]);
      expect((await store.listDeployments(repoId, "staging")).map((d) => d.id)).toEqual([onlyStaging.id]);
      expect(await store.getDeployment(repoId, oldest.id)).toBeUndefined();
      // The pruned deployment's status went with it: recorded again, it would be the only one.
      await store.recordDeployment(oldest);
      expect((await store.getDeployment(repoId, oldest.id))?.statuses).toEqual([]);
      // So did the old status of a deployment never seen.
      await store.recordDeployment(deploymentRecord(repoId, { id: repoId + 99, createdAt: at(30) }));
      expect((await store.getDeployment(repoId, repoId + 99))?.statuses).toEqual([]);
    });

    it("lists a pull request's transient deployments that are not inactive", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const preview = { environment: "pr-7", pr: 7, transient: true } as const;
      const retired = deploymentRecord(repoId, { ...preview, id: repoId + 1 });
      const live = deploymentRecord(repoId, { ...preview, id: repoId + 2, sha: sha("b") });
      const starting = deploymentRecord(repoId, { ...preview, id: repoId + 3, sha: sha("c") });
      const permanent = deploymentRecord(repoId, { ...preview, id: repoId + 4, transient: false });
      const otherPr = deploymentRecord(repoId, { ...preview, id: repoId + 5, pr: 8, environment: "pr-8" });
      for (const d of [retired, live, starting, permanent, otherPr]) await store.recordDeployment(d);
      await store.recordDeploymentStatus(status(repoId + 11, retired.id, "success", 1));
      await store.recordDeploymentStatus(status(repoId + 12, retired.id, "inactive", 2));
      await store.recordDeploymentStatus(status(repoId + 13, live.id, "inactive", 1));
      await store.recordDeploymentStatus(status(repoId + 14, live.id, "success", 2));

      const active = await store.listActiveTransientDeployments(repoId, 7);

      expect(active.map((d) => [d.id, d.state])).toEqual([
        [starting.id, null],
        [live.id, "success"],
      ]);
    });

    it("tells what is deployed where: each environment's newest deployment, across repositories", async () => {
      const store = getStore();
      const repoA = uniqueRepoId();
      const repoB = uniqueRepoId();
      const old = deploymentRecord(repoA, { id: repoA + 1, createdAt: new Date("2026-01-01T10:00:00Z") });
      const current = deploymentRecord(repoA, { id: repoA + 2, sha: sha("b"), createdAt: new Date("2026-01-02T10:00:00Z") });
      const staging = deploymentRecord(repoA, { id: repoA + 3, environment: "staging" });
      const other = deploymentRecord(repoB, { id: repoB + 1 });
      for (const d of [old, current, staging, other]) await store.recordDeployment(d);
      await store.recordDeploymentStatus(status(repoA + 11, current.id, "success", 1));

      const now = await store.listCurrentDeployments([repoA, repoB]);

      expect(now).toEqual([
        listed(current, status(repoA + 11, current.id, "success", 1), "succeeded"),
        listed(staging),
        listed(other),
      ]);
      await expect(store.listCurrentDeployments([])).resolves.toEqual([]);
      await expect(store.listEnvironments(repoA)).resolves.toEqual(["production", "staging"]);
    });

    it("lists where each of several commits went: its newest deployment per environment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));
      const firstTry = deploymentRecord(repoId, { id: repoId + 1, sha: sha("a"), createdAt: at(1) });
      const retried = deploymentRecord(repoId, { id: repoId + 2, sha: sha("a"), createdAt: at(2) });
      const staging = deploymentRecord(repoId, { id: repoId + 3, sha: sha("a"), environment: "staging", createdAt: at(1) });
      const other = deploymentRecord(repoId, { id: repoId + 4, sha: sha("b"), createdAt: at(3) });
      const notAsked = deploymentRecord(repoId, { id: repoId + 5, sha: sha("c"), createdAt: at(4) });
      const otherRepo = deploymentRecord(repoId + 1, { id: repoId + 6, sha: sha("a"), createdAt: at(5) });
      for (const d of [firstTry, retried, staging, other, notAsked, otherRepo]) await store.recordDeployment(d);
      const succeeded = status(repoId + 11, retried.id, "success", 1);
      await store.recordDeploymentStatus(succeeded);

      const found = await store.listDeploymentsOfCommits(repoId, [sha("b"), sha("a"), sha("d")]);

      expect(found).toEqual([listed(retried, succeeded, "succeeded"), listed(staging), listed(other)]);
      await expect(store.listDeploymentsOfCommits(repoId, [])).resolves.toEqual([]);
    });

    it("searches the history by environment, lifecycle, trigger and creator, page by page", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));
      const records = [
        deploymentRecord(repoId, { id: repoId + 1, createdAt: at(1), trigger: "auto", creator: "octocat" }),
        deploymentRecord(repoId, { id: repoId + 2, createdAt: at(2), trigger: "command", creator: "Alice" }),
        deploymentRecord(repoId, {
          id: repoId + 3,
          createdAt: at(3),
          trigger: "command",
          creator: "alice",
          environment: "staging",
        }),
        deploymentRecord(repoId, { id: repoId + 4, createdAt: at(4), trigger: "external", creator: "bob" }),
      ];
      for (const d of records) await store.recordDeployment(d);
      await store.recordDeploymentStatus(status(repoId + 11, repoId + 1, "failure", 1));
      await store.recordDeploymentStatus(status(repoId + 12, repoId + 2, "success", 1));
      await store.recordDeploymentStatus(status(repoId + 13, repoId + 4, "queued", 1));
      const ids = async (search: Parameters<Store["searchDeployments"]>[1]) =>
        (await store.searchDeployments(repoId, search)).map((d) => d.id - repoId);

      expect(await ids({ limit: 10 })).toEqual([4, 3, 2, 1]);
      expect(await ids({ limit: 2 })).toEqual([4, 3]);
      expect(await ids({ limit: 2, offset: 2 })).toEqual([2, 1]);
      expect(await ids({ limit: 10, environment: "staging" })).toEqual([3]);
      expect(await ids({ limit: 10, trigger: "command" })).toEqual([3, 2]);
      expect(await ids({ limit: 10, creator: "ALICE" })).toEqual([3, 2]);
      expect(await ids({ limit: 10, lifecycle: "created" })).toEqual([4, 3]);
      expect(await ids({ limit: 10, lifecycle: "failed" })).toEqual([1]);
      expect(await ids({ limit: 10, lifecycle: "succeeded", trigger: "command", environment: "production" })).toEqual([2]);
    });

    it("lists what the metrics read: deployments since a time, oldest first, with their statuses by id and commit times", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));
      const before = deploymentRecord(repoId, { id: repoId + 1, createdAt: at(1) });
      const first = deploymentRecord(repoId, { id: repoId + 2, createdAt: at(5) });
      const staging = deploymentRecord(repoId, { id: repoId + 3, createdAt: at(6), environment: "staging", sha: sha("b") });
      const unknownCommit = deploymentRecord(repoId, { id: repoId + 4, createdAt: at(7), sha: sha("c") });
      for (const d of [unknownCommit, staging, first, before]) await store.recordDeployment(d);
      const success = status(repoId + 12, first.id, "success", 5);
      const started = status(repoId + 11, first.id, "in_progress", 1);
      for (const s of [success, started, status(repoId + 13, first.id, "exploded", 9)]) await store.recordDeploymentStatus(s);
      const failed = status(repoId + 14, staging.id, "failure", 2);
      await store.recordDeploymentStatus(failed);
      await store.recordCommitTimes(repoId, [{ sha: sha("a"), committedAt: at(4) }], at(4));
      await store.recordCommitTimes(repoId + 1, [{ sha: sha("c"), committedAt: at(4) }], at(4));
      const read = (d: DeploymentRecord, commitTime: Date | null, statuses: DeploymentStatusRecord[]) => ({
        id: d.id,
        environment: d.environment,
        sha: d.sha,
        createdAt: d.createdAt,
        commitTime,
        statuses: statuses.map((s) => ({ id: s.id, state: s.state, createdAt: s.createdAt })),
      });

      const all = await store.listDeploymentsForMetrics(repoId, undefined, at(2));
      const production = await store.listDeploymentsForMetrics(repoId, "production", at(2));

      expect(all).toEqual([read(first, at(4), [started, success]), read(staging, null, [failed]), read(unknownCommit, null, [])]);
      expect(production.map((d) => d.id)).toEqual([first.id, unknownCommit.id]);
      await expect(store.listDeploymentsForMetrics(repoId, undefined, at(8))).resolves.toEqual([]);
    });
  });
}
