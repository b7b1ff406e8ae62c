import type { ApprovalRule } from "../config/model.js";
import type { ApprovalFact } from "../domain/approvals.js";

/** Where a commit's approvals for one target stand. */
export type ApprovalResult =
  /** Enough people approved (or the target needs nobody's approval): `by` those who count. */
  | { readonly status: "approved"; readonly by: readonly ApprovalFact[] }
  /** `missing` more approvals are needed; `by` those who count so far. */
  | { readonly status: "waiting"; readonly by: readonly ApprovalFact[]; readonly missing: number }
  /** Someone rejected it (their latest word): what waits is dropped. */
  | { readonly status: "rejected"; readonly rejection: ApprovalFact };

/**
 * Counts the approvals of one commit for one target: different people (each person's latest
 * word), not expired (`expires`), and not by whoever asked for the deploy unless the rule allows
 * self-approval (`requester`; null when nobody asked, as for a push). Any standing rejection wins.
 * Who may approve was checked when they approved.
 */
export function evaluateApprovals(
  rule: ApprovalRule | undefined,
  target: string,
  approvals: readonly ApprovalFact[],
  requester: string | null,
  now: Date,
): ApprovalResult {
  if (rule === undefined) return { status: "approved", by: [] };
  const mine = approvals.filter((approval) => approval.target.toLowerCase() === target.toLowerCase());
  const rejection = mine.findLast((approval) => approval.verdict === "rejected");
  if (rejection !== undefined) return { status: "rejected", rejection };
  const self = requester?.toLowerCase();
  const by = mine.filter(
    (approval) =>
      approval.verdict === "approved" &&
      (rule.expiresMs === undefined || approval.at.getTime() + rule.expiresMs > now.getTime()) &&
      (rule.selfApproval || approval.login.toLowerCase() !== self),
  );
  const counted = new Set(by.map((approval) => approval.login.toLowerCase())).size;
  if (counted >= rule.required) return { status: "approved", by };
  return { status: "waiting", by, missing: rule.required - counted };
}

/** "production needs 2 approvals of a1b2c3d (`/approve production`); approved so far by @alice." */
export function describeMissingApprovals(
  result: Extract<ApprovalResult, { status: "waiting" }>,
  rule: ApprovalRule,
  target: string,
  commit: string,
): string {
  const so = result.by.length === 0 ? "none yet" : `approved so far by ${result.by.map((a) => `@${a.login}`).join(", ")}`;
  const count = rule.required === 1 ? "an approval" : `${rule.required} approvals`;
  return `${target} needs ${count} of ${commit} (\`/approve ${target}\`); ${so}.`;
}

/** "@bob rejected a1b2c3d for production: not during the sale." */
export function describeRejection(rejection: ApprovalFact, commit: string): string {
  const reason = rejection.reason === null ? "" : `: ${rejection.reason}`;
  return `@${rejection.login} rejected ${commit} for ${rejection.target}${reason}`;
}
