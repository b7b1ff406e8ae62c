/** What someone said about deploying a commit to a target: `/approve` or `/reject`. */
export interface ApprovalFact {
  readonly target: string;
  /** GitHub login of who said it; allowed to approve when it was said (`approvals.from`, else write permission). */
  readonly login: string;
  readonly verdict: "approved" | "rejected";
  /** A rejection's reason, as written; null when none was given. */
  readonly reason: string | null;
  readonly at: Date;
}
