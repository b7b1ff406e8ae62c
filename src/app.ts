import type { ApplicationFunction, Probot } from "probot";
import type { GitHubCaches } from "./github/github-caches.js";
import { createEnqueuer } from "./queue/create-enqueuer.js";
import { routeDelivery } from "./route-delivery.js";
import type { EnqueueOutcome, Store } from "./store/store.js";
import { createWebhookReceiver } from "./web/webhook-receiver.js";

/** The long-lived parts the app runs on. */
export interface AppParts {
  readonly store: Store;
  readonly caches: GitHubCaches;
  readonly now: () => Date;
}

/** A verified webhook: its headers, its parsed payload, and the payload's text as received. */
export interface IncomingDelivery {
  readonly id: string;
  readonly event: string;
  readonly payload: unknown;
  readonly text: string;
}

/** What became of a delivery: stored (`queued`, or `requeued` when it was parked), already stored, or not ours. */
export type IntakeOutcome = EnqueueOutcome | "ignored";

/** Takes verified webhooks in: stores those Deliverybot handles in the durable queue. */
export type Intake = (delivery: IncomingDelivery) => Promise<IntakeOutcome>;

interface DeliveryEnvelope {
  readonly installation?: { readonly id?: number };
  readonly repository?: { readonly id?: number };
  readonly action?: string;
}

/**
 * A delivery that a route wants is stored in the durable queue (once per `X-GitHub-Delivery`);
 * events without an installation or repository, and those no route wants, are ignored.
 * `onQueued` wakes the workers.
 */
export function createIntake(parts: AppParts, onQueued: () => void): Intake {
  const enqueue = createEnqueuer(parts.store, parts.now);
  return async ({ id, event, payload, text }) => {
    const envelope = (payload ?? {}) as DeliveryEnvelope;
    const installationId = envelope.installation?.id;
    const repoId = envelope.repository?.id;
    if (installationId === undefined || repoId === undefined || routeDelivery(event, envelope) === undefined) return "ignored";
    const outcome = await enqueue({ id, event, action: envelope.action ?? null, repoId, installationId, payload: text });
    if (outcome !== "duplicate") onQueued();
    return outcome;
  };
}

/**
 * The Probot app that receives webhooks. Over HTTP, Deliverybot's own receiver serves Probot's
 * webhook path (`WEBHOOK_PATH`): it verifies the signature, stores the delivery and answers, without
 * the per-event context (and Octokit) Probot would build for a handler, since the workers build
 * their own. `probot.receive` (tests, embedding) reaches the same intake through `onAny`.
 */
export function createApp(parts: AppParts, onQueued: () => void = () => {}): ApplicationFunction {
  return (app: Probot) => {
    const intake = createIntake(parts, onQueued);
    const log = app.log.child({ name: "webhooks" });
    app.onAny(async (context) => {
      const outcome = await intake({
        id: context.id,
        event: context.name,
        payload: context.payload,
        text: JSON.stringify(context.payload),
      });
      if (outcome === "duplicate") log.debug({ delivery: context.id, event: context.name }, "duplicate delivery ignored");
    });
    // Probot's server mounts whatever middleware the app instance hands it for the webhook path.
    app.getNodeMiddleware = async ({ path } = {}) =>
      createWebhookReceiver({
        path: path ?? app.webhookPath,
        verify: (text, signature) => app.webhooks.verify(text, signature),
        intake,
        log,
      });
  };
}
