import { describe, expect, it } from "@jest/globals";
import { decideHookDeploy, type HookDeployInput } from "./decide-hook-deploy.js";
import { NOW, repo, SHA_A, target } from "./test-fixtures.js";

import type { CheckFact } from "../domain/checks.js";
import type { LockFact } from "../domain/locks.js";

const ci = (outcome: CheckFact["outcome"]): CheckFact => ({ context: "ci", source: "check_run", outcome });
const green = [ci("success")];
const production = target({ name: "production", requiredContexts: ["ci"], hooks: ["dockerhub"], payload: { image: "own" } });
const lock = (environment: string, pr: number | null): LockFact => ({
  environment,
  owner: "ops",
  pr,
  reason: "freeze",
  expiresAt: null,
});

function input(overrides: Partial<HookDeployInput> = {}): HookDeployInput {
  return {
    repo,
    target: production,
    hookName: "dockerhub",
    commit: { ref: "main", sha: SHA_A },
    image: undefined,
    tag: undefined,
    state: { checks: green, locks: [], now: NOW, approvals: [] },
    ...overrides,
  };
}

describe("decideHookDeploy", () => {
  it("deploys the resolved commit with the hook, image and tag in the payload", () => {
    const decision = decideHookDeploy(input({ image: "acme/shop", tag: "latest" }));

    expect(decision).toMatchObject({ action: "deploy", environment: "production" });
    expect(decision.action === "deploy" && decision.request).toMatchObject({
      ref: SHA_A,
      required_contexts: ["ci"],
      payload: {
        target: "production",
        ref: "main",
        sha: SHA_A,
        pr: null,
        trigger: "hook",
        hook: "dockerhub",
        image: "acme/shop",
        tag: "latest",
      },
    });
  });

  it("keeps the target's own payload keys the request did not name", () => {
    const decision = decideHookDeploy(input());

    expect(decision.action === "deploy" && decision.request.payload).toMatchObject({ image: "own", hook: "dockerhub" });
    expect(decision.action === "deploy" && decision.request.payload).not.toHaveProperty("tag");
  });

  it.each([
    ["a lock on the environment", [lock("production", null)]],
    ["a lock taken from a pull request", [lock("production", 7)]],
    ["a global lock", [lock("*", null)]],
  ])("refuses on %s: a hook has no pull request to pass its own lock", (_name, locks) => {
    const decision = decideHookDeploy(input({ state: { checks: green, locks, now: NOW, approvals: [] } }));

    expect(decision).toMatchObject({
      action: "refuse",
      reason: "locked",
      message: expect.stringMatching(/locked by @ops \(freeze\)/),
    });
  });

  it("deploys past a lock on another environment", () => {
    expect(
      decideHookDeploy(input({ state: { checks: green, locks: [lock("staging", null)], now: NOW, approvals: [] } })).action,
    ).toBe("deploy");
  });

  it.each([
    ["failed", [ci("failure")], "checks_failed", "ci failed on aaaaaaa."],
    ["pending", [ci("pending")], "waiting_for_checks", "Waiting for ci on aaaaaaa; call the hook again once green."],
    ["not reported", [], "waiting_for_checks", "Waiting for ci on aaaaaaa; call the hook again once green."],
  ] satisfies [string, CheckFact[], string, string][])(
    "refuses when the required check is %s, without waiting",
    (_name, checks, reason, message) => {
      const decision = decideHookDeploy(input({ state: { checks, locks: [], now: NOW, approvals: [] } }));

      expect(decision).toEqual({ action: "refuse", environment: "production", reason, message });
    },
  );

  it("leaves the checks to GitHub when the target sets hook_checks: false", () => {
    const decision = decideHookDeploy(
      input({ target: { ...production, hookChecks: false }, state: { checks: [], locks: [], now: NOW, approvals: [] } }),
    );

    expect(decision.action === "deploy" && decision.request.required_contexts).toEqual(["ci"]);
  });

  it("refuses a hook or the admin API during a freeze, saying when it ends (no --force from outside)", () => {
    const freezes = [
      {
        kind: "dated" as const,
        startMs: Date.parse("2026-12-01T00:00:00Z"),
        endMs: Date.parse("2026-12-10T00:00:00Z"),
        timeZone: "UTC",
        reason: null,
      },
    ];
    const decision = decideHookDeploy(input({ target: { ...production, freezes } }));

    expect(decision).toMatchObject({
      action: "refuse",
      reason: "frozen",
      message: "production is frozen until Thu 2026-12-10 00:00 UTC; call the hook again after it ends.",
    });
  });
});

describe("decideHookDeploy with approvals", () => {
  const audited = { ...production, approvals: { required: 1, from: undefined, selfApproval: false, expiresMs: undefined } };

  it("waits for the target's approvals (the request is kept), then deploys with the approver in the payload", () => {
    expect(decideHookDeploy(input({ target: audited }))).toEqual({
      action: "wait",
      environment: "production",
      reason: "waiting_for_approval",
      message: "production needs an approval of aaaaaaa (`/approve production`); none yet. It deploys once approved.",
    });
    const approvals = [{ target: "production", login: "alice", verdict: "approved" as const, reason: null, at: NOW }];
    const decision = decideHookDeploy(input({ target: audited, state: { checks: green, locks: [], now: NOW, approvals } }));
    expect(decision.action === "deploy" && decision.request.payload["approvals"]).toEqual([
      { login: "alice", at: NOW.toISOString() },
    ]);
  });
});
