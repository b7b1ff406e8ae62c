import { randomUUID } from "node:crypto";
import type { RepoContext } from "../deploy/repo-context.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";
import type { NotificationEvent, NotificationFacts } from "../domain/notifications.js";
import { selectNotificationRoutes } from "../engine/select-notification-routes.js";

/**
 * Queues the notifications of one event of a deployment for the channels the repository's
 * `notifications` send it to. Costs nothing when the owner has no channel registered: the
 * configuration is only loaded (conditionally, from the default branch, and at most every few
 * seconds per repository) when one is. A status
 * older than the deployment's newest known one (webhooks arrive out of order) announces nothing,
 * nor does the `deployment` webhook of a deployment that already has a status. Returns how many
 * channels it queued for.
 */
export async function notifyDeployment(
  deps: RepoContext,
  deployment: DeploymentRecord,
  event: NotificationEvent,
  status: DeploymentStatusRecord | null,
): Promise<number> {
  const registered = await deps.notifications.channelNames();
  if (registered.size === 0) return 0;
  const log = deps.log.child({ deployment: deployment.id, event: `deployment.${event}` });
  if ((event === "created" || status !== null) && (await isSuperseded(deps, deployment, status))) {
    log.debug("a newer status of the deployment is known: not announced");
    return 0;
  }
  const loaded = await deps.github.loadRecentConfig();
  if (loaded.kind !== "ok") {
    log.debug({ config: loaded.kind }, "no valid configuration: no notification");
    return 0;
  }
  const routes = selectNotificationRoutes(loaded.config.notifications, event, deployment.environment);
  const unknown = routes.filter((route) => !registered.has(route.channel)).map((route) => route.channel);
  if (unknown.length > 0) {
    log.warn(
      { channels: unknown },
      "notifications name channels not registered for this owner: register them with deliverybot notify add",
    );
  }
  const channels = routes.filter((route) => registered.has(route.channel)).map((route) => route.channel);
  if (channels.length === 0) return 0;
  const facts = JSON.stringify(notificationFacts(deps, deployment, event, status));
  const owner = deps.repo.owner.toLowerCase();
  await deps.notifications.queue(
    channels.map((channel) => ({
      id: randomUUID(),
      owner,
      channel,
      repoId: deps.repo.id,
      deploymentId: deployment.id,
      event,
      facts,
    })),
  );
  log.debug({ channels }, "notifications queued");
  return channels.length;
}

/** Whether a newer documented status than `status` is known (any, for the `deployment` webhook). */
async function isSuperseded(deps: RepoContext, deployment: DeploymentRecord, status: DeploymentStatusRecord | null) {
  const newest = await deps.store.newestStatusId(deployment.id);
  return newest !== null && (status === null || newest > status.id);
}

function notificationFacts(
  deps: RepoContext,
  deployment: DeploymentRecord,
  event: NotificationEvent,
  status: DeploymentStatusRecord | null,
): NotificationFacts {
  return {
    event,
    repository: { id: deps.repo.id, owner: deps.repo.owner, name: deps.repo.name, htmlUrl: deps.notifications.repoUrl },
    deployment: {
      id: deployment.id,
      environment: deployment.environment,
      sha: deployment.sha,
      ref: deployment.ref,
      task: deployment.task,
      target: deployment.target,
      pr: deployment.pr,
      creator: deployment.creator,
      trigger: deployment.trigger,
      description: deployment.description,
      createdAt: deployment.createdAt.toISOString(),
    },
    status:
      status === null
        ? null
        : {
            id: status.id,
            state: status.state,
            description: status.description,
            logUrl: status.logUrl,
            environmentUrl: status.environmentUrl,
            createdAt: status.createdAt.toISOString(),
          },
  };
}
