import type { ApplicationFunction, Context, Probot } from "probot";
import { handleComment } from "./commands/handle-comment.js";
import { readComment } from "./github/read-comment.js";
import type { GitHubCaches } from "./github/github-caches.js";
import { readCheckRun, readStatus } from "./github/read-check.js";
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
import { processDelivery, type HandledEvent } from "./process-delivery.js";
import type { Store } from "./store/store.js";

/** The long-lived parts the app runs on. */
export interface AppParts {
  readonly store: Store;
  readonly caches: GitHubCaches;
  readonly now: () => Date;
}

/**
 * Registers the webhook handlers. Each handler reads its facts from the payload and makes one
 * call into the domain; every delivery is processed once (by `X-GitHub-Delivery`).
 */
export function createApp(parts: AppParts): ApplicationFunction {
  return (app: Probot) => {
    const run = <E extends HandledEvent>(context: Context<E>, work: (deps: HandlerDeps) => Promise<void>) =>
      processDelivery(parts, context, work);

    app.on("push", (context) => run(context, (deps) => handlePush(deps, readPush(context.payload))));
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) =>
      run(context, (deps) =>
        handlePullRequest(deps, readPullRequest(context.payload), new Date(context.payload.pull_request.updated_at)),
      ),
    );
    app.on("pull_request.closed", (context) =>
      run(context, (deps) =>
        handlePullRequestClosed(deps, context.payload.number, `refs/heads/${context.payload.pull_request.head.ref}`),
      ),
    );
    app.on("issue_comment.created", (context) => {
      const { comment, issue } = context.payload;
      // Commands live on pull requests; bots (Deliverybot included) are never obeyed.
      if (issue.pull_request === undefined || comment.user === null || comment.user.type === "Bot") return undefined;
      return run(context, (deps) => handleComment(deps, readComment(context.payload)));
    });
    app.on("status", (context) => run(context, (deps) => handleCheck(deps, readStatus(context.payload))));
    app.on("check_run", (context) => run(context, (deps) => handleCheck(deps, readCheckRun(context.payload))));
    app.on("check_suite.completed", (context) =>
      run(context, (deps) => processCommit(deps, context.payload.check_suite.head_sha)),
    );
    app.on("deployment", (context) =>
      run(context, (deps) => handleDeploymentEvent(deps, readDeployment(deps.repo.id, context.payload.deployment), null)),
    );
    app.on("deployment_status", (context) =>
      run(context, (deps) => {
        const { deployment, deployment_status: status } = context.payload;
        return handleDeploymentEvent(deps, readDeployment(deps.repo.id, deployment), readDeploymentStatus(deployment.id, status));
      }),
    );
  };
}
