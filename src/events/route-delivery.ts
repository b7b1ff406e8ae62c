import type { Context } from "probot";
import type { DeliveryFacts } from "./delivery-facts.js";
import { readCheckRun, readStatus } from "./read-check.js";
import { readComment } from "./read-comment.js";
import { readDeployment, readDeploymentStatus } from "./read-deployment.js";
import { readMergeGroup } from "./read-merge-group.js";
import { readProtectionRequest } from "./read-protection-request.js";
import { readPullRequest } from "./read-pull-request.js";
import { readPush } from "./read-push.js";

/** Reads the facts of a routed delivery; throws when its payload is malformed. */
export type ReadDelivery = () => DeliveryFacts;

type Payload<E extends HandledEvent | "issue_comment.created" | "deployment_protection_rule.requested"> = Context<E>["payload"];

/** The webhook events Deliverybot handles (app.yml subscribes to these). */
type HandledEvent =
  | "push"
  | "pull_request"
  | "issue_comment"
  | "status"
  | "check_run"
  | "check_suite"
  | "deployment"
  | "deployment_status"
  | "deployment_protection_rule"
  | "merge_group";

const MERGE_GROUP_ACTIONS = new Set(["checks_requested", "destroyed"]);

const PULL_REQUEST_HEAD_ACTIONS = new Set(["opened", "synchronize", "reopened"]);

/**
 * How to read a webhook Deliverybot acts on, or undefined when it ignores it (other events and
 * actions, comments on issues or by bots). Routing looks at the event and action only and costs
 * nothing; the payload is read when the work runs, so a malformed one fails there, with its error
 * kept in the queue, rather than at the door.
 */
export function routeDelivery(event: string, payload: unknown): ReadDelivery | undefined {
  const action = (payload as { action?: unknown }).action;
  switch (event) {
    case "push":
      return () => ({ kind: "push", push: readPush(payload as Payload<"push">) });
    case "pull_request":
      return routePullRequest(payload as Payload<"pull_request">);
    case "issue_comment": {
      const { comment, issue } = payload as Payload<"issue_comment">;
      // Commands live on pull requests; bots (Deliverybot included) are never obeyed.
      if (action !== "created" || issue?.pull_request === undefined || comment?.user == null || comment.user.type === "Bot") {
        return undefined;
      }
      return () => ({ kind: "comment", comment: readComment(payload as Payload<"issue_comment.created">) });
    }
    case "status":
      return () => ({ kind: "check", check: readStatus(payload as Payload<"status">) });
    case "check_run":
      return () => ({ kind: "check", check: readCheckRun(payload as Payload<"check_run">) });
    case "check_suite":
      if (action !== "completed") return undefined;
      return () => ({ kind: "checks_completed", sha: (payload as Payload<"check_suite">).check_suite.head_sha });
    case "deployment":
      return () => {
        const { deployment, repository } = payload as Payload<"deployment">;
        return { kind: "deployment", deployment: readDeployment(repository.id, deployment), status: null };
      };
    case "deployment_status":
      return () => {
        const { deployment, deployment_status: status, repository } = payload as Payload<"deployment_status">;
        const record = readDeployment(repository.id, deployment);
        return { kind: "deployment", deployment: record, status: readDeploymentStatus(deployment.id, status) };
      };
    case "deployment_protection_rule":
      if (action !== "requested") return undefined;
      return () => ({
        kind: "protection_request",
        request: readProtectionRequest(payload as Payload<"deployment_protection_rule.requested">),
      });
    case "merge_group":
      if (typeof action !== "string" || !MERGE_GROUP_ACTIONS.has(action)) return undefined;
      return () => ({ kind: "merge_group", group: readMergeGroup(payload as Payload<"merge_group">) });
    default:
      return undefined;
  }
}

function routePullRequest(payload: Payload<"pull_request">): ReadDelivery | undefined {
  if (PULL_REQUEST_HEAD_ACTIONS.has(payload.action)) {
    return () => ({
      kind: "pull_request_head",
      trigger: readPullRequest(payload),
      updatedAt: new Date(payload.pull_request.updated_at),
    });
  }
  if (payload.action === "closed") {
    return () => ({ kind: "pull_request_closed", pr: payload.number, ref: `refs/heads/${payload.pull_request.head.ref}` });
  }
  return undefined;
}
