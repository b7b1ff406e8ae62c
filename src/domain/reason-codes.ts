/**
 * The closed list of reasons a decision can carry. Every exit of the engine names one, and the
 * store keeps it, so "why didn't it deploy?" always has an answer.
 */
export const REASON_CODES = [
  /** Gates passed; a deployment is to be created. */
  "deployed",
  /** Required checks have not all reported success yet; the deploy waits. */
  "waiting_for_checks",
  /** A required check failed; the deploy waits for a successful re-run. */
  "checks_failed",
  /** The environment is locked (commands issue). */
  "locked",
  /** The actor or source is not allowed to deploy (e.g. a pull request from a fork). */
  "not_permitted",
  /** The ref moved on to a newer commit before this one deployed. */
  "superseded",
  /** No file the target's `paths` (or `paths_ignore`) lets through changed; it does not deploy this commit on its own. */
  "paths_unchanged",
  /** This commit is already deployed to that environment. */
  "already_deployed",
  /** The configuration is invalid; nothing deploys until it is fixed. */
  "config_invalid",
  /** The target was removed from the configuration or stopped matching. */
  "target_removed",
  /** The pull request closed before its deploy happened. */
  "pull_request_closed",
  /** The pull request's head moved after the command was written; nothing deployed. */
  "head_moved",
  /** A command named no known target, or its arguments did not parse. */
  "invalid_command",
  /** An inbound deploy hook's request named a target that does not exist, or did not say which of several. */
  "invalid_request",
  /** GitHub refused or failed the deployment request. */
  "github_error",
  /** A freeze window is in force: auto-deploys wait for its end, commands and hooks are refused. */
  "frozen",
  /** A promotion waits for the commit to succeed in the targets it is promoted from. */
  "waiting_for_upstream",
  /** A promotion waits until the commit has been succeeding upstream for the target's `soak`. */
  "waiting_for_soak",
  /**
   * A `coalesce` target holds a commit that landed on its branch while merge groups for that branch
   * are still in the merge queue; the newest landed commit deploys once the queue drains.
   */
  "waiting_for_merge_queue",
  /** The commit's deployment to a target it was promoted from failed: the promotion is dropped. */
  "upstream_failed",
  /** A newer (or older: a rollback) deployment replaced the commit upstream before it was promoted. */
  "upstream_replaced",
  /** The target's `approvals` are not all in for this commit: the deploy waits for `/approve`. */
  "waiting_for_approval",
  /** Someone allowed to approve rejected the commit for the target (`/reject`): what waited is dropped. */
  "approval_rejected",
] as const satisfies readonly string[];

export type ReasonCode = (typeof REASON_CODES)[number];
