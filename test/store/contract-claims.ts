import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import {
  deployClaim,
  deploymentRecord,
  hasClaimOrDeployment,
  sha,
  TEST_CLAIM_LEASE_MS,
  tryClaim,
  uniqueRepoId,
} from "./store-fixtures.js";

/** Contract: exclusive claims, one per auto-deploy of a commit or per command comment. */
export function describeClaimContract(getStore: () => Store): void {
  const comment = (id: number): string => `comment:${id}`;

  describe("deployment claims", () => {
    it("grants exactly one of concurrent claims", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      const results = await Promise.all(Array.from({ length: 10 }, () => tryClaim(store, deployClaim(repoId))));

      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(true);
      expect(await hasClaimOrDeployment(store, repoId, "staging", sha("a"))).toBe(false);
    });

    it("can be claimed again after a release", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await tryClaim(store, deployClaim(repoId));

      await store.releaseDeployment(repoId, "production", sha("a"));
      const releasedDeployed = await hasClaimOrDeployment(store, repoId, "production", sha("a"));
      const reclaimed = await tryClaim(store, deployClaim(repoId));

      expect(releasedDeployed).toBe(false);
      expect(reclaimed).toBe(true);
    });

    it("refuses a claim when someone else already deployed the commit there", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordDeployment(deploymentRecord(repoId, { target: null }));

      const claimed = await tryClaim(store, deployClaim(repoId));
      const otherEnvironment = await tryClaim(store, deployClaim(repoId, { environment: "staging" }));

      expect(claimed).toBe(false);
      expect(otherEnvironment).toBe(true);
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(true);
    });

    it("lists the environments a commit is deployed in or has a settled claim for, not those with an intent only", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordDeployment(deploymentRecord(repoId, { environment: "production" }));
      await tryClaim(store, deployClaim(repoId, { environment: "staging" }));
      await store.settleDeployment(deployClaim(repoId, { environment: "staging" }), 4240, new Date());
      await tryClaim(store, deployClaim(repoId, { environment: "qa" }));
      await tryClaim(store, deployClaim(repoId, { environment: "production" }));
      await tryClaim(store, deployClaim(repoId, { environment: "qa", sha: sha("other") }));

      expect(await store.listDeployedEnvironments(repoId, sha("a"))).toEqual(["production", "staging"]);
      expect(await store.listDeployedEnvironments(repoId, sha("none"))).toEqual([]);
    });
  });

  describe("command claims", () => {
    it("lets each command comment deploy an already deployed commit once", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const first = 6_000_000_001;
      await tryClaim(store, deployClaim(repoId));
      await store.recordDeployment(deploymentRecord(repoId));

      const byFirst = await tryClaim(store, deployClaim(repoId, { via: comment(first) }));
      const byFirstAgain = await tryClaim(store, deployClaim(repoId, { via: comment(first) }));
      const bySecond = await tryClaim(store, deployClaim(repoId, { via: comment(first + 1) }));
      const auto = await tryClaim(store, deployClaim(repoId));

      expect([byFirst, byFirstAgain, bySecond, auto]).toEqual([true, false, true, false]);
    });

    it("refuses an auto claim once a command claimed the commit there", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await tryClaim(store, deployClaim(repoId, { environment: "staging", via: comment(6_000_000_002) }));

      const autoThere = await tryClaim(store, deployClaim(repoId, { environment: "staging" }));
      const autoElsewhere = await tryClaim(store, deployClaim(repoId));

      expect(autoThere).toBe(false);
      expect(autoElsewhere).toBe(true);
    });

    it("counts a command claim as deployed", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const byComment = deployClaim(repoId, { environment: "staging", via: comment(6_000_000_003) });
      await tryClaim(store, byComment);
      const whileIntent = await store.listDeployedEnvironments(repoId, sha("a"));
      await store.settleDeployment(byComment, 4241, new Date());

      expect(await hasClaimOrDeployment(store, repoId, "staging", sha("a"))).toBe(true);
      expect(whileIntent).toEqual([]);
      expect(await store.listDeployedEnvironments(repoId, sha("a"))).toEqual(["staging"]);
    });

    it("rejects a claim that is neither auto nor by a comment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      await expect(tryClaim(store, deployClaim(repoId, { via: "comment:abc" }))).rejects.toThrow();
      await expect(tryClaim(store, deployClaim(repoId, { via: "Auto" }))).rejects.toThrow();
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(false);
    });

    it("grants exactly one of concurrent claims by the same comment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await tryClaim(store, deployClaim(repoId));
      const claim = deployClaim(repoId, { via: comment(6_000_000_004) });

      const results = await Promise.all(Array.from({ length: 10 }, () => tryClaim(store, claim)));

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("grants one command claim and at most one auto claim when both race on a fresh commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const kinds = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? "auto" : comment(6_000_000_005)));

      const results = await Promise.all(kinds.map((via) => tryClaim(store, deployClaim(repoId, { via }))));

      const granted = (via: string): number => results.filter((ok, i) => ok && kinds[i] === via).length;
      expect(granted(comment(6_000_000_005))).toBe(1);
      expect(granted("auto")).toBeLessThanOrEqual(1);
    });

    it("releases only the claim it names, leaving the auto claim that led to a deployment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const failed = comment(6_000_000_006);
      const other = comment(6_000_000_007);
      await tryClaim(store, deployClaim(repoId));
      await tryClaim(store, deployClaim(repoId, { via: failed }));
      await tryClaim(store, deployClaim(repoId, { via: other }));

      await store.releaseDeployment(repoId, "production", sha("a"), failed);
      const failedAgain = await tryClaim(store, deployClaim(repoId, { via: failed }));
      const otherAgain = await tryClaim(store, deployClaim(repoId, { via: other }));
      await store.releaseDeployment(repoId, "production", sha("a"), failed);
      await store.releaseDeployment(repoId, "production", sha("a"), other);
      const withAutoOnly = await hasClaimOrDeployment(store, repoId, "production", sha("a"));
      await store.releaseDeployment(repoId, "production", sha("a"));

      expect([failedAgain, otherAgain, withAutoOnly]).toEqual([true, false, true]);
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(false);
    });

    it("releases the auto claim by default, leaving the command claims", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = comment(6_000_000_008);
      await tryClaim(store, deployClaim(repoId, { environment: "staging" }));
      await tryClaim(store, deployClaim(repoId, { environment: "staging", via }));

      await store.releaseDeployment(repoId, "staging", sha("a"));
      const withCommandOnly = await hasClaimOrDeployment(store, repoId, "staging", sha("a"));
      const commandAgain = await tryClaim(store, deployClaim(repoId, { environment: "staging", via }));
      await store.releaseDeployment(repoId, "staging", sha("a"), via);

      expect([withCommandOnly, commandAgain]).toEqual([true, false]);
      expect(await hasClaimOrDeployment(store, repoId, "staging", sha("a"))).toBe(false);
    });
  });

  describe("claims as intents (a crash between claiming and recording)", () => {
    const lease = TEST_CLAIM_LEASE_MS;
    const at = (t: Date, ms: number) => new Date(t.getTime() + ms);

    it("says an unsettled claim is in progress until its lease ends, then lets the same claim take it over once", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const t = new Date();
      const first = await store.claimDeployment(deployClaim(repoId), t, lease);

      const retried = await store.claimDeployment(deployClaim(repoId), at(t, 1000), lease);
      const afterLease = await store.claimDeployment(deployClaim(repoId), at(t, lease), lease);
      const racing = await store.claimDeployment(deployClaim(repoId), at(t, lease + 1), lease);

      expect(first).toEqual({ kind: "claimed" });
      expect(retried).toEqual({ kind: "in_progress", until: at(t, lease) });
      expect(afterLease).toEqual({ kind: "reclaimed" });
      expect(racing).toEqual({ kind: "in_progress", until: at(t, 2 * lease) });
    });

    it("never reclaims a settled claim: it is deployed for good", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const t = new Date();
      await store.claimDeployment(deployClaim(repoId), t, lease);
      await store.settleDeployment(deployClaim(repoId), 4242, t);

      const later = await store.claimDeployment(deployClaim(repoId), at(t, 10 * lease), lease);

      expect(later).toEqual({ kind: "taken" });
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(true);
    });

    it("holds an auto claim back while a command's intent on the commit is fresh, and not after it settled", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const t = new Date();
      const byComment = deployClaim(repoId, { via: comment(6_000_000_009) });
      await store.claimDeployment(byComment, t, lease);

      const autoWhileFresh = await store.claimDeployment(deployClaim(repoId), at(t, 10), lease);
      await store.settleDeployment(byComment, 4243, at(t, 20));
      const autoAfterSettled = await store.claimDeployment(deployClaim(repoId), at(t, 30), lease);

      expect(autoWhileFresh).toEqual({ kind: "in_progress", until: at(t, lease) });
      expect(autoAfterSettled).toEqual({ kind: "taken" });
    });

    it("does not hold a command back because of another claim's intent", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const t = new Date();
      await store.claimDeployment(deployClaim(repoId), t, lease);

      const byComment = await store.claimDeployment(deployClaim(repoId, { via: comment(6_000_000_010) }), at(t, 10), lease);

      expect(byComment).toEqual({ kind: "claimed" });
    });

    it("lets exactly one of concurrent takeovers of a stale intent reclaim it", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const t = new Date();
      await store.claimDeployment(deployClaim(repoId), t, lease);

      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.claimDeployment(deployClaim(repoId), at(t, 2 * lease), lease)),
      );

      expect(results.filter((r) => r.kind === "reclaimed")).toHaveLength(1);
      expect(results.filter((r) => r.kind === "in_progress")).toHaveLength(7);
    });
  });
}
