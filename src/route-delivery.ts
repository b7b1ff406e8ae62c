import type { Context } from "probot";
import { handleComment } from "./commands/handle-comment.js";
import { readCheckRun, readStatus } from "./github/read-check.js";
import { readComment } from "./github/read-comment.js";
import { readDeployment, readDeploymentStatus } from "./github/read-deployment.js";
import { readPullRequest } from "./github/read-pull-request.js";
import { readPush } from "./github/read-push.js";
import { handleCheck } from "./handlers/handle-check.js";
import { handleDeploymentEvent } from "./handlers/handle-deployment-event.js";
import { handlePullRequest } from "./handlers/handle-pull-request.js";
import { handlePullRequestClosed } from "./handlers/handle-pull-request-closed.js";
import { handlePush } from "./handlers/handle-push.js";
import type { HandlerDeps } from "./handlers/handler-deps.js";
import { processCommit } from "./handlers/process-commit.js";

/** What one webhook asks of the domain, given the handler dependencies of its repository. */
export type DeliveryWork = (deps: HandlerDeps) => Promise<void>;

type Payload<E extends HandledEvent | "issue_comment.created"> = Context<E>["payload"];

/** The webhook events Deliverybot handles (app.yml subscribes to these). */
export type HandledEvent =
  "push" | "pull_request" | "issue_comment" | "status" | "check_run" | "check_suite" | "deployment" | "deployment_status";

const PULL_REQUEST_HEAD_ACTIONS = new Set(["opened", "synchronize", "reopened"]);

/**
 * The work a webhook asks for, or undefined when Deliverybot ignores it (other events and actions,
 * comments on issues or by bots). Deciding costs nothing; the payload is read when the work runs,
 * so a malformed one fails there, with its error kept in the queue, rather than at the door.
 */
export function routeDelivery(event: string, payload: unknown): DeliveryWork | undefined {
  const action = (payload as { action?: unknown }).action;
  switch (event) {
    case "push":
      return async (deps) => handlePush(deps, readPush(payload as Payload<"push">));
    case "pull_request":
      return routePullRequest(payload as Payload<"pull_request">);
    case "issue_comment": {
      const { comment, issue } = payload as Payload<"issue_comment">;
      // Commands live on pull requests; bots (Deliverybot included) are never obeyed.
      if (action !== "created" || issue?.pull_request === undefined || comment?.user == null || comment.user.type === "Bot") {
        return undefined;
      }
      return async (deps) => handleComment(deps, readComment(payload as Payload<"issue_comment.created">));
    }
    case "status":
      return async (deps) => handleCheck(deps, readStatus(payload as Payload<"status">));
    case "check_run":
      return async (deps) => handleCheck(deps, readCheckRun(payload as Payload<"check_run">));
    case "check_suite":
      if (action !== "completed") return undefined;
      return async (deps) => processCommit(deps, (payload as Payload<"check_suite">).check_suite.head_sha);
    case "deployment":
      return async (deps) => {
        const { deployment } = payload as Payload<"deployment">;
        return handleDeploymentEvent(deps, readDeployment(deps.repo.id, deployment), null);
      };
    case "deployment_status":
      return async (deps) => {
        const { deployment, deployment_status: status } = payload as Payload<"deployment_status">;
        return handleDeploymentEvent(deps, readDeployment(deps.repo.id, deployment), readDeploymentStatus(deployment.id, status));
      };
    default:
      return undefined;
  }
}

function routePullRequest(payload: Payload<"pull_request">): DeliveryWork | undefined {
  if (PULL_REQUEST_HEAD_ACTIONS.has(payload.action)) {
    return async (deps) => handlePullRequest(deps, readPullRequest(payload), new Date(payload.pull_request.updated_at));
  }
  if (payload.action === "closed") {
    return async (deps) => handlePullRequestClosed(deps, payload.number, `refs/heads/${payload.pull_request.head.ref}`);
  }
  return undefined;
}
