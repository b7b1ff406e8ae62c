import { describe, expect, it } from "@jest/globals";
import type { PendingDeploy } from "../domain/deployments.js";
import { decideChecks } from "./decide-checks.js";
import { config, NOW, repo, SHA_A, SHA_B, state, target } from "./test-fixtures.js";
import type { EngineState, UpstreamFact } from "./types.js";

const MINUTE = 60_000;
const staging = target({ name: "staging", environment: "staging", autoDeployOn: [{ kind: "ref", pattern: "refs/heads/main" }] });
const production = target({ name: "production", autoDeployOn: [], promoteFrom: ["staging"], soakMs: 30 * MINUTE });
const promotion: PendingDeploy = { target: "production", ref: SHA_A, sha: SHA_A, pr: null, trigger: "promotion" };

/** Staging's newest deployment: `sha` in `lifecycle`, since `minutesAgo`. */
function stagingRuns(sha: string, lifecycle: UpstreamFact["lifecycle"], minutesAgo: number): UpstreamFact {
  return { environment: "staging", sha, lifecycle, stateAt: new Date(NOW.getTime() - minutesAgo * MINUTE) };
}

function decide(overrides: Partial<EngineState>, targets = [staging, production]) {
  const [decision] = decideChecks({ repo, config: config(...targets), state: state({ pending: [promotion], ...overrides }) });
  return decision;
}

describe("decidePromotion: a commit promoted from staging to production after a 30m soak", () => {
  it.each<[string, Partial<EngineState>, string, string | undefined]>([
    ["not deployed to staging yet", {}, "waiting_for_upstream", undefined],
    [
      "still deploying in staging",
      { upstream: [stagingRuns(SHA_A, "started", 5)], deployedEnvironments: new Set(["staging"]) },
      "waiting_for_upstream",
      undefined,
    ],
    [
      "succeeded 29m59s ago",
      { upstream: [stagingRuns(SHA_A, "succeeded", 29.999)], deployedEnvironments: new Set(["staging"]) },
      "waiting_for_soak",
      "wake",
    ],
    [
      "succeeded 30m ago: promoted",
      { upstream: [stagingRuns(SHA_A, "succeeded", 30)], deployedEnvironments: new Set(["staging"]) },
      "deployed",
      undefined,
    ],
    [
      "failed in staging",
      { upstream: [stagingRuns(SHA_A, "failed", 1)], deployedEnvironments: new Set(["staging"]) },
      "upstream_failed",
      undefined,
    ],
    [
      "replaced in staging by a newer commit (or a rollback)",
      { upstream: [stagingRuns(SHA_B, "succeeded", 40)], deployedEnvironments: new Set(["staging"]) },
      "upstream_replaced",
      undefined,
    ],
    [
      "marked inactive in staging",
      { upstream: [stagingRuns(SHA_A, "inactive", 40)], deployedEnvironments: new Set(["staging"]) },
      "upstream_replaced",
      undefined,
    ],
  ])("%s", (_case, overrides, reason, wake) => {
    const decision = decide(overrides);

    expect(decision?.reason).toBe(reason);
    if (wake !== undefined)
      expect(decision?.action === "wait" && decision.wakeAt).toEqual(new Date(NOW.getTime() + 0.001 * MINUTE));
  });

  it("says when the soak ends, and deploys as a promotion once it has", () => {
    const soaking = decide({ upstream: [stagingRuns(SHA_A, "succeeded", 10)], deployedEnvironments: new Set(["staging"]) });
    const promoted = decide({ upstream: [stagingRuns(SHA_A, "succeeded", 31)], deployedEnvironments: new Set(["staging"]) });

    expect(soaking?.message).toBe(
      "aaaaaaa succeeded in staging; it is promoted to production once it has for 30m, at 2026-12-07 12:20 UTC.",
    );
    expect(promoted?.action === "deploy" && promoted.request.payload).toMatchObject({ trigger: "promotion", sha: SHA_A });
  });

  it("goes through the target's own gates once soaked: a lock, its checks, already deployed", () => {
    const soaked = { upstream: [stagingRuns(SHA_A, "succeeded", 60)], deployedEnvironments: new Set(["staging"]) };
    const gated = target({ ...production, requiredContexts: ["smoke"] });

    expect(
      decide({ ...soaked, locks: [{ environment: "production", owner: "alice", pr: null, reason: null, expiresAt: null }] })
        ?.reason,
    ).toBe("locked");
    expect(decide(soaked, [staging, gated])?.reason).toBe("waiting_for_checks");
    expect(decide({ ...soaked, deployedEnvironments: new Set(["staging", "production"]) })?.reason).toBe("already_deployed");
  });

  it("needs every target it promotes from", () => {
    const canary = target({ name: "canary", environment: "canary" });
    const both = target({ ...production, promoteFrom: ["staging", "canary"], soakMs: 0 });
    const onlyStaging = { upstream: [stagingRuns(SHA_A, "succeeded", 60)], deployedEnvironments: new Set(["staging"]) };

    expect(decide(onlyStaging, [staging, canary, both])?.reason).toBe("waiting_for_upstream");
    expect(
      decide(
        { upstream: [stagingRuns(SHA_A, "succeeded", 60), { ...stagingRuns(SHA_A, "succeeded", 1), environment: "canary" }] },
        [staging, canary, both],
      )?.reason,
    ).toBe("deployed");
  });

  it("drops a promotion whose target no longer promotes", () => {
    expect(decide({}, [staging, target({ name: "production" })])).toMatchObject({ action: "drop", reason: "target_removed" });
  });
});
