import { escapeMarkdown } from "../config/escape-markdown.js";
import type { ApprovalRule } from "../config/model.js";
import type { ApprovalFact } from "../domain/approvals.js";
import { shortSha } from "../domain/short-sha.js";
import { evaluateApprovals } from "../engine/evaluate-approvals.js";
import { sentence } from "./reply.js";

/** One commit's approvals for one target with `approvals`, as `/status` and `/why` show them. */
export interface ApprovalSubject {
  readonly target: string;
  readonly rule: ApprovalRule;
  readonly sha: string;
  /**
   * Who asked for the deploy (the person who started a held workflow run, or wrote the command or
   * used the dashboard that asked for it), whose own approval counts only with `self_approval`;
   * null for an auto-deploy, a hook or the admin API, as their decisions count them.
   */
  readonly requester: string | null;
  /** What was said about the commit, for any target, oldest first (only the subject's target is read). */
  readonly approvals: readonly ApprovalFact[];
}

/** Where a subject's approvals stand, and each person's latest word: Markdown, everything from GitHub escaped. */
export interface ApprovalStanding {
  /** "1 of 2 approvals, 1 more needed (`/approve production`)", "rejected by @carol, it does not deploy". */
  readonly standing: string;
  /** Oldest first: "approved by @alice at 2026-11-23 09:00:05 UTC", "rejected by @carol at … UTC: not now". */
  readonly verdicts: readonly string[];
}

/**
 * `/status`'s approvals section: per target and commit, where its approvals stand and who said
 * what, when (UTC) — the record a team shows to prove who approved a deploy. Empty without subjects.
 */
export function renderApprovalSection(subjects: readonly ApprovalSubject[], now: Date): string[] {
  if (subjects.length === 0) return [];
  const items = subjects.flatMap((subject) => {
    const { standing, verdicts } = describeApprovalStanding(subject, now);
    const head = `- ${sentence(`${subject.target}, ${shortSha(subject.sha)}: `)}${standing}.`;
    return [head, ...verdicts.map((verdict) => `  - ${verdict}`)];
  });
  return ["", "Approvals:", "", ...items];
}

/** `/why`'s line about a commit's approvals for one target, with who said what, when. */
export function renderApprovalLine(subject: ApprovalSubject, now: Date): string {
  const { standing, verdicts } = describeApprovalStanding(subject, now);
  const who = verdicts.length === 0 ? "" : `; ${verdicts.join("; ")}`;
  return `- ${sentence(`${subject.target} approvals of ${shortSha(subject.sha)}: `)}${standing}${who}`;
}

/** Counts a subject's approvals as its decision does ({@link evaluateApprovals}) and lists every verdict. */
export function describeApprovalStanding(subject: ApprovalSubject, now: Date): ApprovalStanding {
  const { target, rule } = subject;
  const mine = subject.approvals.filter((approval) => approval.target.toLowerCase() === target.toLowerCase());
  const result = evaluateApprovals(rule, target, mine, subject.requester, now);
  if (result.status === "rejected") {
    const standing = sentence(`rejected by @${result.rejection.login}, it does not deploy`);
    return { standing, verdicts: mine.map((approval) => describeVerdict(approval, undefined)) };
  }
  const counted = new Set(result.by.map((approval) => approval.login.toLowerCase()));
  const verdicts = mine.map((approval) =>
    describeVerdict(approval, counted.has(approval.login.toLowerCase()) ? undefined : uncounted(subject, approval, now)),
  );
  const tally = tallyApprovals(counted.size, rule.required);
  if (result.status === "approved") return { standing: sentence(`${tally}, enough to deploy`), verdicts };
  const by = rule.from === undefined ? "" : `, by ${joinOr(rule.from)}`;
  return { standing: sentence(`${tally}, ${result.missing} more needed${by} (\`/approve ${target}\`)`), verdicts };
}

/** "1 of 2 approvals"; more than needed: "3 approvals (2 needed)". */
function tallyApprovals(counted: number, required: number): string {
  if (counted > required) return `${counted} approvals (${required} needed)`;
  return `${counted} of ${required} ${required === 1 ? "approval" : "approvals"}`;
}

/** Why an approval does not count: the two exclusions of {@link evaluateApprovals}. */
function uncounted(subject: ApprovalSubject, approval: ApprovalFact, now: Date): string {
  const { expiresMs } = subject.rule;
  if (expiresMs !== undefined && approval.at.getTime() + expiresMs <= now.getTime()) return "expired, not counted";
  return "asked for the deploy, not counted";
}

/** "approved by @alice at 2026-11-23 09:00:05 UTC"; a rejection ends with its reason, escaped apart so it shows as written. */
function describeVerdict(approval: ApprovalFact, note: string | undefined): string {
  const said = sentence(`${approval.verdict} by @${approval.login} at ${formatUtc(approval.at)}`);
  if (note !== undefined) return `${said} ${sentence(`(${note})`)}`;
  if (approval.verdict === "approved") return said;
  if (approval.reason === null) return `${said}${sentence(", no reason given")}`;
  return `${said}${sentence(": ")}${escapeMarkdown(approval.reason)}`;
}

/** `2026-11-23 09:00:05 UTC`: to the second, the way an audit trail is read. */
function formatUtc(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "alice", "alice or bob", "alice, bob or my-org/sre". */
function joinOr(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1) ?? ""}`;
}
