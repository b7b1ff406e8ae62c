import type { ApplicationFunction, Probot } from "probot";
import type { GitHubCaches } from "./github/github-caches.js";
import { createEnqueuer } from "./queue/create-enqueuer.js";
import { routeDelivery } from "./route-delivery.js";
import type { Store } from "./store/store.js";

/** The long-lived parts the app runs on. */
export interface AppParts {
  readonly store: Store;
  readonly caches: GitHubCaches;
  readonly now: () => Date;
}

interface DeliveryEnvelope {
  readonly installation?: { readonly id?: number };
  readonly repository?: { readonly id?: number };
  readonly action?: string;
}

/**
 * Receives webhooks: a verified delivery that Deliverybot handles is stored in the durable queue
 * (once per `X-GitHub-Delivery`) and acknowledged; the workers process it. Events without an
 * installation or repository, and those no route wants, are acknowledged and dropped.
 */
export function createApp(parts: AppParts, onQueued: () => void = () => {}): ApplicationFunction {
  return (app: Probot) => {
    const enqueue = createEnqueuer(parts.store, parts.now);
    app.onAny(async (context) => {
      const payload = context.payload as DeliveryEnvelope;
      const installationId = payload.installation?.id;
      const repoId = payload.repository?.id;
      if (installationId === undefined || repoId === undefined || routeDelivery(context.name, payload) === undefined) return;
      const delivery = {
        id: context.id,
        event: context.name,
        action: payload.action ?? null,
        repoId,
        installationId,
        payload: JSON.stringify(context.payload),
      };
      const outcome = await enqueue(delivery);
      if (outcome === "duplicate") {
        app.log.debug({ delivery: context.id, event: context.name }, "duplicate delivery ignored");
        return;
      }
      onQueued();
    });
  };
}
