import { handleComment } from "./commands/handle-comment.js";
import type { RepoContext } from "./deploy/repo-context.js";
import type { DeliveryFacts } from "./events/delivery-facts.js";
import { handleCheck } from "./handlers/handle-check.js";
import { handleDeploymentEvent } from "./handlers/handle-deployment-event.js";
import { handleMergeGroup } from "./handlers/handle-merge-group.js";
import { handlePullRequestClosed } from "./handlers/handle-pull-request-closed.js";
import { handleProtectionRequest } from "./handlers/handle-protection-request.js";
import { handlePullRequest } from "./handlers/handle-pull-request.js";
import { handlePush } from "./handlers/handle-push.js";
import { processCommit } from "./handlers/process-commit.js";

/** Hands what a webhook says to the handler of its kind. */
export async function handleDelivery(deps: RepoContext, facts: DeliveryFacts): Promise<void> {
  switch (facts.kind) {
    case "push":
      return handlePush(deps, facts.push);
    case "pull_request_head":
      return handlePullRequest(deps, facts.trigger, facts.updatedAt);
    case "pull_request_closed":
      return handlePullRequestClosed(deps, facts.pr, facts.ref);
    case "comment":
      return handleComment(deps, facts.comment);
    case "check":
      return handleCheck(deps, facts.check);
    case "checks_completed":
      return processCommit(deps, facts.sha);
    case "deployment":
      return handleDeploymentEvent(deps, facts.deployment, facts.status);
    case "protection_request":
      return handleProtectionRequest(deps, facts.request);
    case "merge_group":
      return handleMergeGroup(deps, facts.group);
  }
}
