import type { CheckRecord } from "../domain/checks.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";
import type { MergeGroupFacts } from "../domain/merge-groups.js";
import type { CommentFacts, ProtectionRequestFacts, PullRequestTrigger, PushFacts } from "../domain/event-facts.js";

/** What a webhook Deliverybot acts on says, by what it asks of the domain; all of it from the payload. */
export type DeliveryFacts =
  | { readonly kind: "push"; readonly push: PushFacts }
  /** A pull request opened, synchronized or reopened; `updatedAt` is when its head changed. */
  | { readonly kind: "pull_request_head"; readonly trigger: PullRequestTrigger; readonly updatedAt: Date }
  /** A pull request closed or merged, with its full head ref. */
  | { readonly kind: "pull_request_closed"; readonly pr: number; readonly ref: string }
  | { readonly kind: "comment"; readonly comment: CommentFacts }
  /** A commit status or a check run. */
  | { readonly kind: "check"; readonly check: CheckRecord }
  /** A check suite completed: the deploys waiting on its commit are evaluated again. */
  | { readonly kind: "checks_completed"; readonly sha: string }
  /** A `deployment` (no status) or a `deployment_status`, whoever created the deployment. */
  | { readonly kind: "deployment"; readonly deployment: DeploymentRecord; readonly status: DeploymentStatusRecord | null }
  /** A workflow job waits for the app's answer before it deploys to an environment. */
  | { readonly kind: "protection_request"; readonly request: ProtectionRequestFacts }
  /** A merge queue asked for checks on a merge group, or destroyed one (merged, invalidated, dequeued). */
  | { readonly kind: "merge_group"; readonly group: MergeGroupFacts };
