import { describe, expect, it } from "@jest/globals";
import type { ActorFacts, PullRequestFacts } from "./command-facts.js";
import { decideCommandDeploy, type CommandDeployInput } from "./decide-command-deploy.js";
import { NOW, repo, SHA_A, SHA_B, target } from "./test-fixtures.js";

import type { CheckFact } from "../domain/checks.js";
import type { LockFact } from "../domain/locks.js";

const writer: ActorFacts = { login: "dev", permission: "write", listedAsDeployer: undefined, listedAsAdmin: undefined };
const admin: ActorFacts = { ...writer, login: "boss", permission: "admin" };
const pr: PullRequestFacts = {
  number: 5,
  open: true,
  headSha: SHA_A,
  headRef: "refs/heads/feature",
  fromFork: false,
  draft: false,
  headMovedSinceComment: false,
};
const green: CheckFact[] = [{ context: "ci", source: "check_run", outcome: "success" }];
const production = target({ name: "production", requiredContexts: ["ci"] });

function input(overrides: Partial<CommandDeployInput> = {}): CommandDeployInput {
  return {
    repo,
    target: production,
    actor: writer,
    pr,
    commit: { ref: pr.headRef, sha: pr.headSha },
    force: false,
    params: {},
    gates: "evaluate",
    state: { checks: green, locks: [], now: NOW, approvals: [] },
    ...overrides,
  };
}

describe("decideCommandDeploy", () => {
  it("deploys the pull request's head with the command's parameters in the payload", () => {
    const decision = decideCommandDeploy(input({ params: { debug: "1" } }));

    expect(decision).toMatchObject({ action: "deploy", environment: "production" });
    expect(decision.action === "deploy" && decision.request).toMatchObject({
      ref: SHA_A,
      required_contexts: ["ci"],
      payload: {
        target: "production",
        ref: "refs/heads/feature",
        pr: 5,
        trigger: "command",
        params: { debug: "1" },
        actor: "dev",
      },
    });
  });

  const lock = (owner: string, environment = "production", lockPr: number | null = null): LockFact => ({
    environment,
    owner,
    pr: lockPr,
    reason: null,
    expiresAt: null,
  });

  it.each<[string, Partial<CommandDeployInput>, string]>([
    ["a reader", { actor: { ...writer, permission: "read" } }, "not_permitted"],
    ["a writer not in deployers", { actor: { ...writer, listedAsDeployer: false } }, "not_permitted"],
    ["--force by a writer", { force: true }, "not_permitted"],
    ["--force by a writer not in admins", { force: true, actor: { ...writer, listedAsAdmin: false } }, "not_permitted"],
    ["a closed pull request", { pr: { ...pr, open: false } }, "not_permitted"],
    ["a fork", { pr: { ...pr, fromFork: true } }, "not_permitted"],
    [
      "a draft when drafts are refused",
      { pr: { ...pr, draft: true }, target: { ...production, allowDrafts: false } },
      "not_permitted",
    ],
    ["a head that moved after the comment", { pr: { ...pr, headMovedSinceComment: true } }, "head_moved"],
    ["someone else's lock", { state: { checks: green, locks: [lock("other")], now: NOW, approvals: [] } }, "locked"],
    [
      "someone else's lock taken from this pull request",
      { state: { checks: green, locks: [lock("other", "production", 5)], now: NOW, approvals: [] } },
      "locked",
    ],
    ["a global lock", { state: { checks: green, locks: [lock("other", "*")], now: NOW, approvals: [] } }, "locked"],
    [
      "someone else's global lock beside one the author holds",
      { state: { checks: green, locks: [lock("dev"), lock("other", "*")], now: NOW, approvals: [] } },
      "locked",
    ],
    [
      "a failed check",
      { state: { checks: [{ ...green[0]!, outcome: "failure" }], locks: [], now: NOW, approvals: [] } },
      "checks_failed",
    ],
    ["a pending check", { state: { checks: [], locks: [], now: NOW, approvals: [] } }, "waiting_for_checks"],
  ])("refuses %s", (_case, overrides, reason) => {
    expect(decideCommandDeploy(input(overrides))).toMatchObject({ action: "refuse", reason });
  });

  it.each<[string, Partial<CommandDeployInput>]>([
    ["a listed deployer without write permission", { actor: { ...writer, permission: "read", listedAsDeployer: true } }],
    ["a repository admin not in deployers", { actor: { ...admin, listedAsDeployer: false } }],
    [
      "a lock the author holds, whatever pull request it was taken from",
      { state: { checks: green, locks: [lock("DEV", "production", 9)], now: NOW, approvals: [] } },
    ],
    ["a global lock the author holds", { state: { checks: green, locks: [lock("dev", "*")], now: NOW, approvals: [] } }],
    ["another environment's lock", { state: { checks: green, locks: [lock("other", "staging")], now: NOW, approvals: [] } }],
    ["a fork when the target allows forks", { pr: { ...pr, fromFork: true }, target: { ...production, allowForks: true } }],
    ["a draft by default", { pr: { ...pr, draft: true } }],
    [
      "another ref when the head moved",
      { pr: { ...pr, headMovedSinceComment: true }, commit: { ref: "refs/heads/main", sha: SHA_B } },
    ],
    [
      "unknown checks when only GitHub verifies (rollback)",
      { gates: "github", state: { checks: [], locks: [], now: NOW, approvals: [] } },
    ],
  ])("allows %s", (_case, overrides) => {
    expect(decideCommandDeploy(input(overrides))).toMatchObject({ action: "deploy" });
  });

  it("names the owner, the reason and the expiry of the lock that refuses, and what would let the deploy through", () => {
    const held = { ...lock("alice"), reason: "db migration", expiresAt: new Date("2026-12-07T12:00:00Z") };

    const decision = decideCommandDeploy(input({ state: { checks: green, locks: [held], now: NOW, approvals: [] } }));

    expect(decision).toEqual({
      action: "refuse",
      environment: "production",
      reason: "locked",
      message:
        "production is locked by @alice (db migration) until 2026-12-07T12:00:00.000Z. Only @alice's own deploys pass it; @alice or an admin may `/unlock` it, and an admin may deploy past it with `--force`.",
    });
  });

  it("deploys past someone else's lock with --force by an admin, naming the lock it went past", () => {
    const held = lock("alice", "*");

    const decision = decideCommandDeploy(
      input({ force: true, actor: admin, state: { checks: green, locks: [held], now: NOW, approvals: [] } }),
    );

    expect(decision).toMatchObject({
      action: "deploy",
      forcedPast: held,
      message: expect.stringContaining("past the lock of @alice"),
    });
  });

  it("skips the checks with --force by an admin, telling GitHub to skip them too", () => {
    const decision = decideCommandDeploy(
      input({ force: true, actor: admin, state: { checks: [], locks: [], now: NOW, approvals: [] } }),
    );

    expect(decision.action === "deploy" && decision.request.required_contexts).toEqual([]);
  });
});

describe("decideCommandDeploy during a freeze", () => {
  const frozen = target({
    name: "production",
    requiredContexts: ["ci"],
    admins: ["acme/sre"],
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

  it("refuses with frozen, the freeze's end and who may force it", () => {
    const decision = decideCommandDeploy(input({ target: frozen }));

    expect(decision).toEqual({
      action: "refuse",
      environment: "production",
      reason: "frozen",
      message:
        "production is frozen until Tue 2026-12-08 00:00 UTC (Release). One of the `admins` of production may deploy anyway with `--force`.",
    });
  });

  it("deploys with --force by one of the target's admins, and refuses --force to others", () => {
    const sre = { ...admin, permission: "write" as const, listedAsAdmin: true };

    expect(decideCommandDeploy(input({ target: frozen, force: true, actor: sre })).action).toBe("deploy");
    expect(decideCommandDeploy(input({ target: frozen, force: true })).action === "refuse").toBe(true);
  });

  it("deploys once the freeze is over", () => {
    const after = decideCommandDeploy(
      input({ target: frozen, state: { checks: green, locks: [], now: new Date("2026-12-08T00:00:00Z"), approvals: [] } }),
    );

    expect(after.action).toBe("deploy");
  });
});

describe("decideCommandDeploy from the dashboard (no pull request)", () => {
  const fromDashboard = (overrides: Partial<CommandDeployInput> = {}) =>
    input({ pr: null, commit: { ref: "refs/heads/main", sha: SHA_B }, ...overrides });
  const lock: LockFact = { environment: "production", owner: "alice", pr: null, reason: "release freeze", expiresAt: null };

  it("deploys the commit as the signed-in user, marked as started from the dashboard", () => {
    const decision = decideCommandDeploy(fromDashboard());

    expect(decision).toMatchObject({
      action: "deploy",
      environment: "production",
      request: { ref: SHA_B, payload: { trigger: "dashboard", actor: "dev", pr: null, ref: "refs/heads/main" } },
    });
  });

  it.each<[string, Partial<CommandDeployInput>, string, string]>([
    [
      "a reader",
      { actor: { ...writer, permission: "read" } },
      "not_permitted",
      "@dev needs write permission to deploy production.",
    ],
    [
      "a writer's --force",
      { force: true },
      "not_permitted",
      "--force deploys past the checks and locks and is for repository admins only.",
    ],
    [
      "someone else's lock",
      { state: { checks: green, locks: [lock], now: NOW, approvals: [] } },
      "locked",
      "production is locked by @alice (release freeze). Only @alice's own deploys pass it; @alice or an admin may unlock it, and an admin may deploy past it with `--force`.",
    ],
    [
      "checks not reported yet",
      { state: { checks: [], locks: [], now: NOW, approvals: [] } },
      "waiting_for_checks",
      `Waiting for ci on ${SHA_B.slice(0, 7)}; deploy again once green.`,
    ],
  ])("refuses %s with its reason", (_name, overrides, reason, message) => {
    expect(decideCommandDeploy(fromDashboard(overrides))).toEqual({
      action: "refuse",
      environment: "production",
      reason,
      message,
    });
  });

  it("lets an admin's --force past a lock and the checks, naming the lock", () => {
    const decision = decideCommandDeploy(
      fromDashboard({ force: true, actor: admin, state: { checks: [], locks: [lock], now: NOW, approvals: [] } }),
    );

    expect(decision).toMatchObject({ action: "deploy", forcedPast: lock, request: { required_contexts: [] } });
  });
});

describe("decideCommandDeploy with approvals", () => {
  const audited = { ...production, approvals: { required: 2, from: undefined, selfApproval: false, expiresMs: undefined } };
  const approved = (login: string, verdict: "approved" | "rejected" = "approved") => ({
    target: "production",
    login,
    verdict,
    reason: verdict === "rejected" ? "not today" : null,
    at: NOW,
  });
  const withApprovals = (approvals: ReturnType<typeof approved>[], overrides: Partial<CommandDeployInput> = {}) =>
    decideCommandDeploy(input({ target: audited, state: { checks: green, locks: [], now: NOW, approvals }, ...overrides }));

  it("waits (the request is kept) until enough others approved, and --force does not replace them", () => {
    expect(withApprovals([approved("alice")])).toEqual({
      action: "wait",
      environment: "production",
      reason: "waiting_for_approval",
      message:
        "production needs 2 approvals of aaaaaaa (`/approve production`); approved so far by @alice. It deploys once approved; `--force` does not replace approvals.",
    });
    expect(withApprovals([], { force: true, actor: admin })).toMatchObject({ action: "wait" });
  });

  it("does not count the asker's own approval, and deploys with both approvers in the payload", () => {
    expect(withApprovals([approved("alice"), approved("dev")])).toMatchObject({ action: "wait" });
    const decision = withApprovals([approved("alice"), approved("bob")]);
    expect(decision.action === "deploy" && decision.request.payload["approvals"]).toEqual([
      { login: "alice", at: NOW.toISOString() },
      { login: "bob", at: NOW.toISOString() },
    ]);
  });

  it("refuses a rejected commit, and checks every other gate first: a lock refuses before approvals wait", () => {
    expect(withApprovals([approved("alice"), approved("bob", "rejected")])).toMatchObject({
      action: "refuse",
      reason: "approval_rejected",
    });
    const lock: LockFact = { environment: "production", owner: "other", pr: null, reason: null, expiresAt: null };
    expect(withApprovals([], { state: { checks: green, locks: [lock], now: NOW, approvals: [] } })).toMatchObject({
      action: "refuse",
      reason: "locked",
    });
  });

  it("does not ask a rollback (GitHub's gates only) for approvals again", () => {
    expect(withApprovals([], { gates: "github" })).toMatchObject({ action: "deploy" });
  });
});
