/** What started a deploy: a push to a ref, or a pull request's head. */
export type TriggerFacts = PushTrigger | PullRequestTrigger;

/** A push to a ref, as a deploy trigger. */
export interface PushTrigger {
  readonly kind: "push";
  readonly ref: string;
  readonly sha: string;
}

/** A pull request's head, as a deploy trigger. */
export interface PullRequestTrigger {
  readonly kind: "pull_request";
  /** Full head ref, e.g. `refs/heads/feature`. */
  readonly ref: string;
  readonly sha: string;
  readonly pr: number;
  /** True when the head lives in another repository. */
  readonly fromFork: boolean;
  readonly draft: boolean;
}

/** A push as the handlers need it; all of it comes from the payload. */
export interface PushFacts {
  readonly ref: string;
  readonly sha: string;
  readonly deleted: boolean;
  /** Files added, modified or removed by the pushed commits (GitHub lists at most 20 commits). */
  readonly changedFiles: readonly string[];
  /** True when the push went to the repository's default branch. */
  readonly toDefaultBranch: boolean;
  /** When the pushed commits (and the head commit) were made, as the payload says: what lead times start from. */
  readonly commitTimes: readonly CommitTime[];
}

/** When a commit was made (its timestamp in a push), for the lead time of its deployments. */
export interface CommitTime {
  readonly sha: string;
  readonly committedAt: Date;
}

/** A command comment, from the `issue_comment` payload. */
export interface CommentFacts {
  readonly id: number;
  readonly body: string;
  readonly author: string;
  readonly pr: number;
  readonly createdAt: Date;
  /** The repository's web address (`repository.html_url`), for links in replies. */
  readonly repositoryUrl: string;
}
