import type { Metrics } from "../domain/metrics.js";
import { routeDelivery } from "../events/route-delivery.js";
import type { DeliveryStore, EnqueueOutcome } from "../store/delivery-store.js";
import { createEnqueuer } from "./create-enqueuer.js";

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
 * `onQueued` wakes the workers; every outcome is counted.
 */
export function createIntake(
  store: Pick<DeliveryStore, "enqueueDeliveries">,
  now: () => Date,
  onQueued: () => void,
  metrics: Pick<Metrics, "webhookReceived">,
): Intake {
  const enqueue = createEnqueuer(store, now);
  return async ({ id, event, payload, text }) => {
    const envelope = (payload ?? {}) as DeliveryEnvelope;
    const installationId = envelope.installation?.id;
    const repoId = envelope.repository?.id;
    if (installationId === undefined || repoId === undefined || routeDelivery(event, envelope) === undefined) {
      metrics.webhookReceived(event, "ignored");
      return "ignored";
    }
    const outcome = await enqueue({ id, event, action: envelope.action ?? null, repoId, installationId, payload: text });
    metrics.webhookReceived(event, outcome);
    if (outcome !== "duplicate") onQueued();
    return outcome;
  };
}
