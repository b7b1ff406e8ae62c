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
  /** Files added, modified or removed by the commits the payload lists (at most 2048 of them). */
  readonly changedFiles: readonly string[];
  /** What the payload says about the files the push changed: all of them, what to compare, or nothing. */
  readonly changes: PushedFiles;
  /** True when the push went to the repository's default branch. */
  readonly toDefaultBranch: boolean;
  /** When the pushed commits (and the head commit) were made, as the payload says: what lead times start from. */
  readonly commitTimes: readonly CommitTime[];
}

/**
 * The files a push or pull request changed, or `"unknown"` when neither the payload nor GitHub
 * could list them all (a new branch without new commits, a list GitHub cut short). A path filter
 * lets an unknown change through: deploying once too often beats never deploying a change.
 */
export type ChangedFiles = readonly string[] | "unknown";

/**
 * What a push payload tells about the files the push changed:
 * - `listed`: all of them, from its commits' `added`, `modified` and `removed`;
 * - `compare`: GitHub's compare API must say (the files between `base` and `head`), plus
 *   `alsoChanged` from the payload — when the payload cut its lists short, or a force push dropped
 *   commits whose changes it does not list;
 * - `unknown`: there is nothing to compare with (a new ref the payload lists no complete commits for).
 */
export type PushedFiles =
  | { readonly kind: "listed"; readonly files: readonly string[] }
  | { readonly kind: "compare"; readonly base: string; readonly head: string; readonly alsoChanged: readonly string[] }
  | { readonly kind: "unknown" };

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

/**
 * A `deployment_protection_rule` request: a workflow job with `environment:` waits until the app
 * answers it approved or rejected (GitHub waits up to 30 days). All of it from the payload.
 */
export interface ProtectionRequestFacts {
  /** The workflow run the callback URL names: the answer goes to its `deployment_protection_rule` endpoint. */
  readonly runId: number;
  /** The environment the job deploys to, as GitHub names it. */
  readonly environment: string;
  /** The commit and the branch or tag the workflow runs on. */
  readonly sha: string;
  readonly ref: string;
  /** The pull request the run is for, when the payload names one. */
  readonly pr: number | null;
  /** Who started the run (the deployment's creator, else the sender): the deployer whose permission counts. */
  readonly requester: string;
  /** The event that started the run (`push`, `workflow_dispatch`, …). */
  readonly event: string | null;
}
