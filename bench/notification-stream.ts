import { NOTIFIED } from "./bench-repos.js";
import { deploymentLifecycle, type ExpectedNotification } from "./deployment-lifecycle.js";
import { INGEST_KINDS, noActionEvents } from "./event-mix.js";
import type { Random } from "../test/helpers/seeded-random.js";
import type { WebhookEvent } from "../test/helpers/webhook-events.js";

/** One webhook of a stream, and the one before it that must be answered first. */
export interface StreamWebhook {
  readonly event: WebhookEvent;
  /** Index of the deployment's previous webhook: GitHub sends a deployment's webhooks one after the other. */
  readonly after?: number;
}

/** Webhooks to send in order, and the notifications a channel must receive for them. */
export interface NotificationStream {
  readonly webhooks: readonly StreamWebhook[];
  /** The notifications the webhooks are worth, `cause` being the index in `webhooks` of the one that asks. */
  readonly expected: readonly ExpectedNotification[];
}

/** Hands out deployment and status ids, unique within a measure. */
export interface IdSource {
  next(count: number): number;
}

/** Ids from `first` upwards. */
export function createIdSource(first: number): IdSource {
  let next = first;
  return {
    next(count) {
      const id = next;
      next += count;
      return id;
    },
  };
}

/**
 * `background` webhooks of the acknowledgement mix (pushes, statuses, check runs) with the
 * lifecycles of `deployments` deployments spread through them, round-robin over the
 * {@link NOTIFIED} repositories. A deployment's four webhooks stand `gap` places apart, so that
 * with up to `gap` webhooks in flight each is normally answered before the next is sent; `after`
 * makes sure of it.
 */
export function notificationStream(
  sizes: { readonly background: number; readonly deployments: number; readonly gap: number },
  random: Random,
  ids: IdSource,
): NotificationStream {
  const placed: { key: number; event: WebhookEvent; deployment?: number; step?: number }[] = noActionEvents(
    sizes.background,
    random,
    INGEST_KINDS,
  ).map((event, index) => ({ key: index, event }));
  const lifecycles = Array.from({ length: sizes.deployments }, (_, d) => {
    const repo = NOTIFIED[d % NOTIFIED.length] ?? NOTIFIED[0];
    if (repo === undefined) throw new Error("bench-repos.ts lists no NOTIFIED repository");
    return deploymentLifecycle(repo, ids.next(1), ids.next(3));
  });
  const span = Math.max(0, sizes.background - 3 * sizes.gap);
  lifecycles.forEach((lifecycle, deployment) => {
    const start = (deployment * span) / Math.max(1, sizes.deployments) + 0.5;
    lifecycle.events.forEach((event, step) => placed.push({ key: start + step * sizes.gap, event, deployment, step }));
  });
  placed.sort((a, b) => a.key - b.key);

  const indexOf = new Map<string, number>();
  placed.forEach((p, index) => {
    if (p.deployment !== undefined) indexOf.set(`${p.deployment}/${p.step}`, index);
  });
  const webhooks = placed.map((p): StreamWebhook => {
    const after = p.deployment === undefined || p.step === 0 ? undefined : indexOf.get(`${p.deployment}/${(p.step ?? 0) - 1}`);
    return after === undefined ? { event: p.event } : { event: p.event, after };
  });
  const expected = lifecycles.flatMap((lifecycle, deployment) =>
    lifecycle.expected.map((e) => ({ ...e, cause: indexOf.get(`${deployment}/${e.cause}`) ?? -1 })),
  );
  return { webhooks, expected };
}
