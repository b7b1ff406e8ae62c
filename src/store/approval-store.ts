import type { ApprovalFact } from "../domain/approvals.js";

/** An approval or rejection as stored: of one commit of a repository, for one target, by one person. */
export interface ApprovalRecord extends ApprovalFact {
  readonly repoId: number;
  readonly sha: string;
  /** The pull request it was written on. */
  readonly pr: number | null;
}

/** Who approved or rejected which commit for which target, and when: the record a release needs. */
export interface ApprovalStore {
  /** Keeps what someone said; saying it again (or the opposite) replaces their earlier word on that commit and target. */
  recordApproval(approval: ApprovalRecord): Promise<void>;
  /** What was said about a commit, for every target, oldest first. */
  listApprovals(repoId: number, sha: string): Promise<ApprovalRecord[]>;
  /** What was said on a pull request, about any of its commits and for every target, oldest first. */
  listApprovalsOfPullRequest(repoId: number, pr: number): Promise<ApprovalRecord[]>;
}
