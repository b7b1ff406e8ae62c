import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { deployClaim, deploymentRecord, sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: exclusive claims, one per auto-deploy of a commit or per command comment. */
export function describeClaimContract(getStore: () => Store): void {
  const comment = (id: number): string => `comment:${id}`;

  describe("deployment claims", () => {
    it("grants exactly one of concurrent claims", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      const results = await Promise.all(Array.from({ length: 10 }, () => store.claimDeployment(deployClaim(repoId))));

      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.isDeployed(repoId, "production", sha("a"))).toBe(true);
      expect(await store.isDeployed(repoId, "staging", sha("a"))).toBe(false);
    });

    it("can be claimed again after a release", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.claimDeployment(deployClaim(repoId));

      await store.releaseDeployment(repoId, "production", sha("a"));
      const releasedDeployed = await store.isDeployed(repoId, "production", sha("a"));
      const reclaimed = await store.claimDeployment(deployClaim(repoId));

      expect(releasedDeployed).toBe(false);
      expect(reclaimed).toBe(true);
    });

    it("refuses a claim when someone else already deployed the commit there", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordDeployment(deploymentRecord(repoId, { target: null }));

      const claimed = await store.claimDeployment(deployClaim(repoId));
      const otherEnvironment = await store.claimDeployment(deployClaim(repoId, { environment: "staging" }));

      expect(claimed).toBe(false);
      expect(otherEnvironment).toBe(true);
      expect(await store.isDeployed(repoId, "production", sha("a"))).toBe(true);
    });

    it("lists the environments a commit is deployed or claimed in", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordDeployment(deploymentRecord(repoId, { environment: "production" }));
      await store.claimDeployment(deployClaim(repoId, { environment: "staging" }));
      await store.claimDeployment(deployClaim(repoId, { environment: "production" }));
      await store.claimDeployment(deployClaim(repoId, { environment: "qa", sha: sha("other") }));

      expect(await store.listDeployedEnvironments(repoId, sha("a"))).toEqual(["production", "staging"]);
      expect(await store.listDeployedEnvironments(repoId, sha("none"))).toEqual([]);
    });
  });

  describe("command claims", () => {
    it("lets each command comment deploy an already deployed commit once", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const first = 6_000_000_001;
      await store.claimDeployment(deployClaim(repoId));
      await store.recordDeployment(deploymentRecord(repoId));

      const byFirst = await store.claimDeployment(deployClaim(repoId, { via: comment(first) }));
      const byFirstAgain = await store.claimDeployment(deployClaim(repoId, { via: comment(first) }));
      const bySecond = await store.claimDeployment(deployClaim(repoId, { via: comment(first + 1) }));
      const auto = await store.claimDeployment(deployClaim(repoId));

      expect([byFirst, byFirstAgain, bySecond, auto]).toEqual([true, false, true, false]);
    });

    it("refuses an auto claim once a command claimed the commit there", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.claimDeployment(deployClaim(repoId, { environment: "staging", via: comment(6_000_000_002) }));

      const autoThere = await store.claimDeployment(deployClaim(repoId, { environment: "staging" }));
      const autoElsewhere = await store.claimDeployment(deployClaim(repoId));

      expect(autoThere).toBe(false);
      expect(autoElsewhere).toBe(true);
    });

    it("counts a command claim as deployed", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.claimDeployment(deployClaim(repoId, { environment: "staging", via: comment(6_000_000_003) }));

      expect(await store.isDeployed(repoId, "staging", sha("a"))).toBe(true);
      expect(await store.listDeployedEnvironments(repoId, sha("a"))).toEqual(["staging"]);
    });

    it("rejects a claim that is neither auto nor by a comment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      await expect(store.claimDeployment(deployClaim(repoId, { via: "comment:abc" }))).rejects.toThrow();
      await expect(store.claimDeployment(deployClaim(repoId, { via: "Auto" }))).rejects.toThrow();
      expect(await store.isDeployed(repoId, "production", sha("a"))).toBe(false);
    });

    it("grants exactly one of concurrent claims by the same comment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.claimDeployment(deployClaim(repoId));
      const claim = deployClaim(repoId, { via: comment(6_000_000_004) });

      const results = await Promise.all(Array.from({ length: 10 }, () => store.claimDeployment(claim)));

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("grants one command claim and at most one auto claim when both race on a fresh commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const kinds = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? "auto" : comment(6_000_000_005)));

      const results = await Promise.all(kinds.map((via) => store.claimDeployment(deployClaim(repoId, { via }))));

      const granted = (via: string): number => results.filter((ok, i) => ok && kinds[i] === via).length;
      expect(granted(comment(6_000_000_005))).toBe(1);
      expect(granted("auto")).toBeLessThanOrEqual(1);
    });

    it("releases only the claim it names, leaving the auto claim that led to a deployment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const failed = comment(6_000_000_006);
      const other = comment(6_000_000_007);
      await store.claimDeployment(deployClaim(repoId));
      await store.claimDeployment(deployClaim(repoId, { via: failed }));
      await store.claimDeployment(deployClaim(repoId, { via: other }));

      await store.releaseDeployment(repoId, "production", sha("a"), failed);
      const failedAgain = await store.claimDeployment(deployClaim(repoId, { via: failed }));
      const otherAgain = await store.claimDeployment(deployClaim(repoId, { via: other }));
      await store.releaseDeployment(repoId, "production", sha("a"), failed);
      await store.releaseDeployment(repoId, "production", sha("a"), other);
      const withAutoOnly = await store.isDeployed(repoId, "production", sha("a"));
      await store.releaseDeployment(repoId, "production", sha("a"));

      expect([failedAgain, otherAgain, withAutoOnly]).toEqual([true, false, true]);
      expect(await store.isDeployed(repoId, "production", sha("a"))).toBe(false);
    });

    it("releases the auto claim by default, leaving the command claims", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = comment(6_000_000_008);
      await store.claimDeployment(deployClaim(repoId, { environment: "staging" }));
      await store.claimDeployment(deployClaim(repoId, { environment: "staging", via }));

      await store.releaseDeployment(repoId, "staging", sha("a"));
      const withCommandOnly = await store.isDeployed(repoId, "staging", sha("a"));
      const commandAgain = await store.claimDeployment(deployClaim(repoId, { environment: "staging", via }));
      await store.releaseDeployment(repoId, "staging", sha("a"), via);

      expect([withCommandOnly, commandAgain]).toEqual([true, false]);
      expect(await store.isDeployed(repoId, "staging", sha("a"))).toBe(false);
    });
  });
}
