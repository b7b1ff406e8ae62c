import type { Probot } from "probot";
import type { AppParts } from "./app.js";
import { createGitHubPort } from "./github/github-port.js";
import { readRepo } from "./github/read-repo.js";
import type { HandlerDeps } from "./handlers/handler-deps.js";
import { routeDelivery } from "./route-delivery.js";
import type { ClaimedDelivery } from "./store/store.js";

/**
 * How a worker processes one stored delivery: routes it, authenticates as its installation and
 * runs the handler. Throwing leaves the retry (or parking) to the queue.
 */
export function createDeliveryProcessor(app: Probot, parts: AppParts): (delivery: ClaimedDelivery) => Promise<void> {
  return async (delivery) => {
    const payload: unknown = JSON.parse(delivery.payload);
    const work = routeDelivery(delivery.event, payload);
    if (work === undefined) return;
    const { repository } = payload as { repository: Parameters<typeof readRepo>[0] };
    const repo = readRepo(repository);
    const log = app.log.child({ delivery: delivery.id, event: delivery.event, repo: `${repo.owner}/${repo.name}` });
    const deps: HandlerDeps = {
      store: parts.store,
      github: createGitHubPort(await app.auth(delivery.installationId), repo, parts.caches),
      log,
      now: parts.now,
      repo,
      installationId: delivery.installationId,
      deliveryId: delivery.id,
    };
    await work(deps);
  };
}
