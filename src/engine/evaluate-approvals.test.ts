import { describe, expect, it } from "@jest/globals";
import type { ApprovalRule } from "../config/model.js";
import type { ApprovalFact } from "../domain/approvals.js";
import { decideTarget } from "./decide-target.js";
import { evaluateApprovals } from "./evaluate-approvals.js";
import { NOW, repo, SHA_A, state, target } from "./test-fixtures.js";

const HOUR = 3_600_000;
const rule = (overrides: Partial<ApprovalRule> = {}): ApprovalRule => ({
  required: 2,
  from: undefined,
  selfApproval: false,
  expiresMs: undefined,
  ...overrides,
});
const said = (login: string, verdict: ApprovalFact["verdict"] = "approved", hoursAgo = 1, on = "production"): ApprovalFact => ({
  target: on,
  login,
  verdict,
  reason: verdict === "rejected" ? "not during the sale" : null,
  at: new Date(NOW.getTime() - hoursAgo * HOUR),
});
const statusOf = (approvals: ApprovalFact[], r = rule(), requester: string | null = null) =>
  evaluateApprovals(r, "production", approvals, requester, NOW).status;

describe("evaluateApprovals", () => {
  it.each<[string, ApprovalFact[], string]>([
    ["none yet", [], "waiting"],
    ["one of two", [said("alice")], "waiting"],
    ["two different people", [said("alice"), said("bob")], "approved"],
    ["the same person twice, in another case", [said("alice"), said("ALICE")], "waiting"],
    ["approvals for another target", [said("alice", "approved", 1, "staging"), said("bob", "approved", 1, "staging")], "waiting"],
    ["a rejection among approvals", [said("alice"), said("bob"), said("carol", "rejected")], "rejected"],
  ])("%s → %s", (_case, approvals, expected) => {
    expect(statusOf(approvals)).toBe(expected);
  });

  it("needs nothing of a target without approvals", () => {
    expect(evaluateApprovals(undefined, "production", [], null, NOW)).toEqual({ status: "approved", by: [] });
  });

  it("stops counting approvals older than `expires`, at the boundary", () => {
    const expiring = rule({ expiresMs: 24 * HOUR });

    expect(statusOf([said("alice", "approved", 23.9), said("bob", "approved", 23.9)], expiring)).toBe("approved");
    expect(statusOf([said("alice", "approved", 24), said("bob", "approved", 1)], expiring)).toBe("waiting");
  });

  it("does not count the requester's own approval unless self-approval is allowed", () => {
    const approvals = [said("alice"), said("dev")];

    expect(evaluateApprovals(rule(), "production", approvals, "Dev", NOW)).toMatchObject({ status: "waiting", missing: 1 });
    expect(statusOf(approvals, rule({ selfApproval: true }), "dev")).toBe("approved");
  });
});

describe("decideTarget with approvals", () => {
  const production = target({ name: "production", requiredContexts: [], approvals: rule() });
  const deploy = { target: "production", ref: "refs/heads/main", sha: SHA_A, pr: null, trigger: "push" as const };

  it("waits for the missing approvals after every other gate, naming who approved", () => {
    const decision = decideTarget({ repo, target: production, deploy, state: state({ approvals: [said("alice")] }) });

    expect(decision).toMatchObject({ action: "wait", reason: "waiting_for_approval" });
    expect(decision.message).toBe("production needs 2 approvals of aaaaaaa (`/approve production`); approved so far by @alice.");
  });

  it("deploys once approved, with who approved and when in the payload", () => {
    const decision = decideTarget({
      repo,
      target: production,
      deploy,
      state: state({ approvals: [said("alice"), said("bob", "approved", 2)] }),
    });

    expect(decision.action).toBe("deploy");
    expect(decision.action === "deploy" && decision.request.payload["approvals"]).toEqual([
      { login: "alice", at: "2026-12-07T11:00:00.000Z" },
      { login: "bob", at: "2026-12-07T10:00:00.000Z" },
    ]);
  });

  it("drops the deploy once someone rejected the commit, with their reason", () => {
    const decision = decideTarget({ repo, target: production, deploy, state: state({ approvals: [said("carol", "rejected")] }) });

    expect(decision).toMatchObject({
      action: "drop",
      reason: "approval_rejected",
      message: "@carol rejected aaaaaaa for production: not during the sale; it does not deploy to production.",
    });
  });
});
