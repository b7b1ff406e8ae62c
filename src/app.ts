import type { ApplicationFunction, Probot } from "probot";
import type { Metrics } from "./domain/metrics.js";
import type { GitHubCaches } from "./github/github-caches.js";
import { createIntake } from "./queue/create-intake.js";
import type { Store } from "./store/store.js";
import { createWebhookReceiver } from "./web/webhook-receiver.js";

/** The long-lived parts the app runs on. */
export interface AppParts {
  readonly store: Store;
  readonly caches: GitHubCaches;
  readonly now: () => Date;
  readonly metrics: Metrics;
  /**
   * How notifications are queued: GitHub's web address for their links (default
   * `https://github.com`) and what wakes this process's senders (default nothing: they poll).
   */
  readonly notifications?: { readonly githubUrl: string; readonly onQueued: () => void };
}

/**
 * The Probot app that receives webhooks. Over HTTP, Deliverybot's own receiver serves Probot's
 * webhook path (`WEBHOOK_PATH`): it verifies the signature, stores the delivery and answers, without
 * the per-event context (and Octokit) Probot would build for a handler, since the workers build
 * their own. `probot.receive` (tests, embedding) reaches the same intake through `onAny`.
 * `onQueued` wakes the workers.
 */
export function createApp(parts: AppParts, onQueued: () => void = () => {}): ApplicationFunction {
  return (app: Probot) => {
    const intake = createIntake(parts.store, parts.now, onQueued, parts.metrics);
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
        metrics: parts.metrics,
      });
  };
}
