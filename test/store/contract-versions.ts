import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { decisionRecord, deploymentRecord, uniqueRepoId } from "./store-fixtures.js";

/** The lock both tests take on the repository's production. */
const productionLock = (repoId: number) => ({
  repoId,
  environment: "production",
  target: "production",
  owner: "alice",
  pr: null,
  reason: null,
  expiresAt: null,
});

/** A success status of the repository's first deployment (`deploymentRecord`'s id). */
const successOf = (repoId: number) => ({
  id: repoId + 11,
  deploymentId: repoId + 1,
  state: "success",
  description: null,
  environmentUrl: null,
  logUrl: null,
  createdAt: new Date("2026-01-01T10:05:00Z"),
});

/** Contract: a repository's version changes with anything the dashboard shows of it, and only then. */
export function describeVersionContract(getStore: () => Store): void {
  describe("repository versions", () => {
    it("changes with a deployment, a status, a decision and a lock, and not with another repository's", async () => {
      // A lock taken then released leaves what the page shows as it was: so does the version.
      const store = getStore();
      const repoId = uniqueRepoId();
      const other = uniqueRepoId();
      const versions = [await store.repositoryVersion(repoId)];
      const changed = async (change: () => Promise<unknown>) => {
        await change();
        versions.push(await store.repositoryVersion(repoId));
      };

      await changed(() => store.recordDeployment(deploymentRecord(repoId)));
      await changed(() => store.recordDeploymentStatus(successOf(repoId)));
      await changed(() => store.recordDecision(decisionRecord(repoId)));
      const lock = productionLock(repoId);
      await changed(() =>
        store.acquireLock({ ...lock, createdAt: new Date("2026-01-01T11:00:00Z") }, new Date("2026-01-01T11:00:00Z")),
      );
      await changed(() => store.releaseLock(repoId, "production"));
      await changed(() => store.recordDeployment(deploymentRecord(other)));

      expect(new Set(versions.slice(0, 5)).size).toBe(5);
      expect(versions[5]).toBe(versions[3]);
      expect(versions[6]).toBe(versions[5]);
    });

    it("counts a status that came before its deployment once the deployment is recorded, in that repository only", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const deployment = deploymentRecord(repoId, { id: repoId + 1 });
      await store.recordDeployment(deploymentRecord(repoId, { id: repoId + 2 }));
      const early = {
        id: repoId + 90,
        deploymentId: deployment.id,
        state: "success",
        description: null,
        environmentUrl: null,
        logUrl: null,
        createdAt: new Date("2026-01-01T10:05:00Z"),
      };

      await store.recordDeploymentStatus(early);
      const withOrphan = await store.repositoryVersion(repoId);
      await store.recordDeployment(deployment);
      const recorded = await store.repositoryVersion(repoId);

      expect(withOrphan.split(".")[1]).toBe("0");
      expect(recorded.split(".")[1]).toBe(String(early.id));
      expect((await store.repositoryVersion(uniqueRepoId())).split(".")[1]).toBe("0");
    });

    it("tells a watcher which repositories changed: deployments, statuses, decisions, locks taken and released", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const told: number[] = [];
      let listening = 0;
      const stop = await store.watchRepositories({
        changed: (changed) => told.push(changed),
        listening: () => (listening += 1),
        lost: () => undefined,
      });
      const toldAbout = async (expected: number) => {
        for (let waited = 0; waited < 2_000 && !told.includes(expected); waited += 10) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const seen = told.includes(expected);
        told.length = 0;
        return seen;
      };
      const lock = productionLock(repoId);

      try {
        await store.recordDeployment(deploymentRecord(repoId));
        const deployment = await toldAbout(repoId);
        await store.recordDeploymentStatus(successOf(repoId));
        const status = await toldAbout(repoId);
        await store.recordDecision(decisionRecord(repoId));
        const decision = await toldAbout(repoId);
        await store.acquireLock({ ...lock, createdAt: new Date("2026-01-01T11:00:00Z") }, new Date("2026-01-01T11:00:00Z"));
        const locked = await toldAbout(repoId);
        await store.releaseLock(repoId, "production");
        const released = await toldAbout(repoId);

        expect(listening).toBe(1);
        expect({ deployment, status, decision, locked, released }).toEqual({
          deployment: true,
          status: true,
          decision: true,
          locked: true,
          released: true,
        });
      } finally {
        await stop();
      }
      await store.recordDecision(decisionRecord(repoId));
      expect(await toldAbout(repoId)).toBe(false);
    });
  });
}
