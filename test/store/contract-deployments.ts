import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { deploymentRecord, sha, uniqueRepoId } from "./store-fixtures.js";
import type { DeploymentStatusRecord } from "../../src/domain/deployments.js";

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
      await store.recordDeploymentStatus(status(repoId + 13, older.id, "failure", 5));

      const listed = await store.listDeployments(repoId, "production");
      const limited = await store.listDeployments(repoId, "production", 1);

      expect(listed).toEqual([
        { ...newer, state: null },
        { ...older, state: "failure" },
      ]);
      expect(limited).toEqual([{ ...newer, state: null }]);
    });

    it("keeps what only we knew when the webhook records the deployment again", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const ours = deploymentRecord(repoId, { pr: 7, transient: true });
      await store.recordDeployment(ours);

      await store.recordDeployment({ ...ours, target: null, pr: null });

      expect(await store.listDeployments(repoId, "production")).toEqual([{ ...ours, state: null }]);
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
  });
}
