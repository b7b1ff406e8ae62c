import { describe, expect, it } from "@jest/globals";
import type { Target } from "../config/model.js";
import type { CheckFact } from "../domain/checks.js";
import type { LockFact } from "../domain/locks.js";
import type { RepoPermission } from "../domain/repo-facts.js";
import {
  decideProtectionRequest,
  selectProtectedTargets,
  type ProtectionRequest,
  type ProtectionRequestInput,
} from "./decide-protection-request.js";
import { config, NOW, repo, SHA_A, target } from "./test-fixtures.js";

const production = target({ name: "production", requiredContexts: ["ci/test"] });
const request: ProtectionRequest = { environment: "production", sha: SHA_A, ref: "main", pr: null, requester: "dev" };
const ci = (outcome: CheckFact["outcome"]): CheckFact => ({ context: "ci/test", source: "status", outcome });
const lock = (overrides: Partial<LockFact> = {}): LockFact => ({
  environment: "production",
  owner: "ops",
  pr: null,
  reason: "incident",
  expiresAt: null,
  ...overrides,
});
const actor = (permission: RepoPermission, listedAsDeployer?: boolean) => ({
  login: "dev",
  permission,
  listedAsDeployer,
  listedAsAdmin: undefined,
});

function input(overrides: Partial<ProtectionRequestInput> = {}, targets: Target[] = [production]): ProtectionRequestInput {
  return {
    repo,
    request,
    targets,
    actors: new Map(targets.map((t) => [t.name, actor("write")])),
    state: { checks: [ci("success")], locks: [], now: NOW, approvals: [] },
    ...overrides,
  };
}

describe("selectProtectedTargets", () => {
  it("finds the targets whose environment, rendered for the run, is the one asked about, whatever its case", () => {
    const preview = target({ name: "preview", environment: "pr-${{ pr }}" });
    const staging = target({ name: "staging", environment: "staging" });
    const all = config(production, preview, staging);

    expect(selectProtectedTargets(repo, all, { ...request, environment: "Production" }).map((t) => t.name)).toEqual([
      "production",
    ]);
    expect(selectProtectedTargets(repo, all, { ...request, environment: "pr-12", pr: 12 }).map((t) => t.name)).toEqual([
      "preview",
    ]);
    expect(selectProtectedTargets(repo, all, { ...request, environment: "qa" })).toEqual([]);
  });
});

describe("decideProtectionRequest", () => {
  it("approves a writer's run when nothing is locked or frozen and the named checks passed", () => {
    expect(decideProtectionRequest(input())).toEqual({
      action: "approve",
      target: "production",
      reason: "deployed",
      message: "Approved aaaaaaa for production: not locked or frozen, ci/test passed.",
    });
  });

  it.each<[string, Partial<ProtectionRequestInput>, string, string]>([
    [
      "another user's lock",
      { state: { checks: [], locks: [lock()], now: NOW, approvals: [] } },
      "locked",
      "locked by @ops (incident)",
    ],
    [
      "a lock on every environment",
      { state: { checks: [], locks: [lock({ environment: "*" })], now: NOW, approvals: [] } },
      "locked",
      "Every environment",
    ],
    [
      "checks still running",
      { state: { checks: [ci("pending")], locks: [], now: NOW, approvals: [] } },
      "waiting_for_checks",
      "Waiting for ci/test",
    ],
    [
      "a named check not reported yet",
      { state: { checks: [], locks: [], now: NOW, approvals: [] } },
      "waiting_for_checks",
      "Waiting for ci/test",
    ],
  ])("holds the request on %s", (_case, overrides, reason, text) => {
    const decision = decideProtectionRequest(input(overrides));

    expect(decision).toMatchObject({ action: "hold", target: "production", reason, wakeAt: null });
    expect(decision.message).toContain(text);
  });

  it("holds a frozen target until the freeze ends, and says when", () => {
    const frozen = target({
      name: "production",
      requiredContexts: [],
      freezes: [
        {
          kind: "dated",
          startMs: Date.parse("2026-12-07T00:00:00Z"),
          endMs: Date.parse("2026-12-08T00:00:00Z"),
          timeZone: "UTC",
          reason: "Release",
        },
      ],
    });

    const decision = decideProtectionRequest(input({}, [frozen]));

    expect(decision).toMatchObject({ action: "hold", reason: "frozen", wakeAt: new Date("2026-12-08T00:00:00Z") });
    expect(decision.message).toMatch(/^production is frozen until .*\(Release\); the job deploys aaaaaaa when it ends\.$/);
  });

  it("finds the lock under the target's name for the environment when GitHub's differs in case", () => {
    const decision = decideProtectionRequest(
      input({
        request: { ...request, environment: "Production" },
        state: { checks: [ci("success")], locks: [lock()], now: NOW, approvals: [] },
      }),
    );

    expect(decision).toMatchObject({ action: "hold", reason: "locked" });
    expect(decision.message).toContain("production is locked by @ops");
  });

  it("lets through the lock owner's own runs and the runs of the pull request the lock was taken from", () => {
    const own = input({
      request: { ...request, requester: "ops" },
      state: { checks: [ci("success")], locks: [lock()], now: NOW, approvals: [] },
    });
    const ofItsPullRequest = input({
      request: { ...request, pr: 7 },
      state: { checks: [ci("success")], locks: [lock({ pr: 7 })], now: NOW, approvals: [] },
    });

    expect(decideProtectionRequest(own).action).toBe("approve");
    expect(decideProtectionRequest(ofItsPullRequest).action).toBe("approve");
  });

  it.each<[string, Partial<ProtectionRequestInput>, string]>([
    [
      "a read-only requester",
      { actors: new Map([["production", actor("read")]]) },
      "@dev needs write permission to deploy production; rejected.",
    ],
    [
      "a failed check",
      { state: { checks: [ci("failure")], locks: [], now: NOW, approvals: [] } },
      "ci/test failed on aaaaaaa; rejected. Run the job again once it passes.",
    ],
  ])("rejects %s", (_case, overrides, message) => {
    expect(decideProtectionRequest(input(overrides))).toMatchObject({ action: "reject", message });
  });

  it("rejects a writer the target's deployers do not list, and approves one they do", () => {
    const listed = target({ name: "production", requiredContexts: [], deployers: ["acme/sre"] });

    const outsider = decideProtectionRequest(input({ actors: new Map([["production", actor("write", false)]]) }, [listed]));
    const member = decideProtectionRequest(input({ actors: new Map([["production", actor("read", true)]]) }, [listed]));

    expect(outsider).toMatchObject({ action: "reject", reason: "not_permitted" });
    expect(outsider.message).toContain("to be listed in `deployers` of production");
    expect(member.action).toBe("approve");
  });

  it("requires only the checks a target names: the asking run's own jobs are checks of the commit", () => {
    const everyCheck = target({ name: "production", requiredContexts: undefined });

    const decision = decideProtectionRequest(
      input({ state: { checks: [ci("pending")], locks: [], now: NOW, approvals: [] } }, [everyCheck]),
    );

    expect(decision).toMatchObject({ action: "approve", message: "Approved aaaaaaa for production: not locked or frozen." });
  });

  it("holds a job until the approvals are in, not counting the run's starter, and rejects a rejected commit", () => {
    const approved = target({
      name: "production",
      requiredContexts: [],
      approvals: { required: 1, from: undefined, selfApproval: false, expiresMs: undefined },
    });
    const by = (login: string, verdict: "approved" | "rejected" = "approved") => ({
      target: "production",
      login,
      verdict,
      reason: null,
      at: NOW,
    });
    const withApprovals = (approvals: ReturnType<typeof by>[]) =>
      decideProtectionRequest(input({ state: { checks: [], locks: [], now: NOW, approvals } }, [approved]));

    expect(withApprovals([by("dev")])).toMatchObject({ action: "hold", reason: "waiting_for_approval" });
    expect(withApprovals([by("alice")]).action).toBe("approve");
    expect(withApprovals([by("alice"), by("bob", "rejected")])).toMatchObject({ action: "reject", reason: "approval_rejected" });
  });

  it("rejects an environment no target deploys to", () => {
    expect(decideProtectionRequest(input({}, []))).toMatchObject({ action: "reject", target: null, reason: "invalid_request" });
  });

  it("applies every target of the environment: a rejection first, then a hold", () => {
    const open = target({ name: "deploy", requiredContexts: [] });
    const gated = target({ name: "release", requiredContexts: ["ci/test"] });
    const failing = { state: { checks: [ci("failure")], locks: [], now: NOW, approvals: [] } };
    const pending = { state: { checks: [ci("pending")], locks: [], now: NOW, approvals: [] } };

    expect(decideProtectionRequest(input(failing, [open, gated]))).toMatchObject({ action: "reject", target: "release" });
    expect(decideProtectionRequest(input(pending, [open, gated]))).toMatchObject({ action: "hold", target: "release" });
  });
});
