import { describe, expect, it } from "@jest/globals";
import type { ApprovalRule } from "../config/model.js";
import type { ApprovalFact } from "../domain/approvals.js";
import { renderApprovalLine, renderApprovalSection, type ApprovalSubject } from "./render-approvals.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const SHA = "c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ff";
const rule = (overrides: Partial<ApprovalRule> = {}): ApprovalRule => ({
  required: 2,
  from: undefined,
  selfApproval: false,
  expiresMs: undefined,
  ...overrides,
});
const said = (login: string, at: string, overrides: Partial<ApprovalFact> = {}): ApprovalFact => ({
  target: "production",
  login,
  verdict: "approved",
  reason: null,
  at: new Date(`2026-11-23T${at}Z`),
  ...overrides,
});
const subject = (approvals: ApprovalFact[], overrides: Partial<ApprovalSubject> = {}): ApprovalSubject => ({
  target: "production",
  rule: rule(),
  sha: SHA,
  requester: null,
  approvals,
  ...overrides,
});

describe("renderApprovalSection", () => {
  it("shows nothing without subjects", () => {
    expect(renderApprovalSection([], NOW)).toEqual([]);
  });

  it("lists who approved, when, and how many more are needed, ignoring other targets", () => {
    const approvals = [said("alice", "09:00:05"), said("bob", "09:30:00", { target: "staging" })];

    const lines = renderApprovalSection([subject(approvals)], NOW);

    expect(lines).toEqual([
      "",
      "Approvals:",
      "",
      "- production, c0ffee0\\: 1 of 2 approvals, 1 more needed \\(<code>/approve production</code>\\).",
      "  - approved by @\u200balice at 2026-11-23 09\\:00\\:05 UTC",
    ]);
  });

  it("says who may still approve when `from` lists them", () => {
    const lines = renderApprovalSection([subject([], { rule: rule({ from: ["alice", "bob", "acme/sre"] }) })], NOW);

    expect(lines[3]).toBe(
      "- production, c0ffee0\\: 0 of 2 approvals, 2 more needed, by alice, bob or acme/sre \\(<code>/approve production</code>\\).",
    );
  });

  it("says enough to deploy once approved, counting more than needed", () => {
    const approvals = [said("alice", "09:00:00"), said("bob", "09:10:00"), said("carol", "09:20:00")];

    const lines = renderApprovalSection(
      [subject(approvals), subject(approvals.slice(0, 1), { rule: rule({ required: 1 }) })],
      NOW,
    );

    expect(lines.slice(3)).toEqual([
      "- production, c0ffee0\\: 3 approvals \\(2 needed\\), enough to deploy.",
      "  - approved by @\u200balice at 2026-11-23 09\\:00\\:00 UTC",
      "  - approved by @\u200bbob at 2026-11-23 09\\:10\\:00 UTC",
      "  - approved by @\u200bcarol at 2026-11-23 09\\:20\\:00 UTC",
      "- production, c0ffee0\\: 1 of 1 approval, enough to deploy.",
      "  - approved by @\u200balice at 2026-11-23 09\\:00\\:00 UTC",
    ]);
  });

  it("marks the approvals that do not count: expired, or by whoever asked for the deploy", () => {
    const approvals = [said("alice", "09:00:00"), said("bob", "11:00:00"), said("octocat", "11:30:00")];

    const lines = renderApprovalSection(
      [subject(approvals, { rule: rule({ expiresMs: 2 * 3_600_000 }), requester: "OctoCat" })],
      NOW,
    );

    expect(lines.slice(3)).toEqual([
      "- production, c0ffee0\\: 1 of 2 approvals, 1 more needed \\(<code>/approve production</code>\\).",
      "  - approved by @\u200balice at 2026-11-23 09\\:00\\:00 UTC \\(expired, not counted\\)",
      "  - approved by @\u200bbob at 2026-11-23 11\\:00\\:00 UTC",
      "  - approved by @\u200boctocat at 2026-11-23 11\\:30\\:00 UTC \\(asked for the deploy, not counted\\)",
    ]);
  });

  it("shows a rejection with its reason escaped as written, and everyone's word", () => {
    const reason = "see `@bob`'s [note](https://evil.example) | *now*\nnext line";
    const approvals = [
      said("alice", "09:00:00"),
      said("carol", "10:00:00", { verdict: "rejected", reason }),
      said("dave", "10:30:00", { verdict: "rejected" }),
    ];

    const lines = renderApprovalSection([subject(approvals)], NOW);

    expect(lines.slice(3)).toEqual([
      "- production, c0ffee0\\: rejected by @\u200bdave, it does not deploy.",
      "  - approved by @\u200balice at 2026-11-23 09\\:00\\:00 UTC",
      "  - rejected by @\u200bcarol at 2026-11-23 10\\:00\\:00 UTC\\: see \\`@\u200bbob\\`'s \\[note\\]\\(https\\://evil.example\\) \\| \\*now\\* next line",
      "  - rejected by @\u200bdave at 2026-11-23 10\\:30\\:00 UTC, no reason given",
    ]);
  });
});

describe("renderApprovalLine", () => {
  it("says on one line where the approvals stand and who said what, when", () => {
    const line = renderApprovalLine(subject([said("alice", "09:00:05"), said("bob", "09:10:00")]), NOW);

    expect(line).toBe(
      "- production approvals of c0ffee0\\: 2 of 2 approvals, enough to deploy; " +
        "approved by @\u200balice at 2026-11-23 09\\:00\\:05 UTC; approved by @\u200bbob at 2026-11-23 09\\:10\\:00 UTC",
    );
  });

  it("says how many are needed when nobody approved yet", () => {
    const line = renderApprovalLine(subject([], { rule: rule({ required: 1 }) }), NOW);

    expect(line).toBe(
      "- production approvals of c0ffee0\\: 0 of 1 approval, 1 more needed \\(<code>/approve production</code>\\)",
    );
  });
});
