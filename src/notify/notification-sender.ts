import type { Logger } from "probot";
import type { Metrics } from "../domain/metrics.js";
import type { NotificationFacts } from "../domain/notifications.js";
import type { ChannelStore } from "../store/channel-store.js";
import { createSleepers, waitForLoops } from "../queue/create-sleepers.js";
import type { ClaimedNotification, NotificationStore } from "../store/notification-store.js";
import { nextNotificationStep, type FailedAttempt } from "./notification-retry.js";
import { postNotification, type PostOptions } from "./post-notification.js";
import { renderNotificationRequest } from "./render-notification-request.js";
import type { ChannelSealer } from "./seal-channel.js";

/** What the senders run with. */
export interface NotificationSenderOptions {
  readonly store: Pick<
    NotificationStore,
    "claimNotification" | "completeNotification" | "retryNotification" | "parkNotification"
  > &
    Pick<ChannelStore, "findChannel">;
  readonly sealer: ChannelSealer;
  readonly now: () => Date;
  readonly log: Logger;
  readonly metrics: Pick<Metrics, "notificationAttempted">;
  /** Notifications sent at once by this process. */
  readonly concurrency: number;
  /** How often an idle sender looks for notifications queued by other processes. */
  readonly pollMs: number;
  /** Per attempt (default 10 s) and the response body read at most; tests shorten the timeout. */
  readonly post?: Pick<PostOptions, "timeoutMs" | "maxResponseBytes">;
}

/** The notification senders of one process. */
export interface NotificationSender {
  start(): void;
  /** Something was queued: an idle sender looks at once. */
  wake(): void;
  /** Sends due notifications one by one until none is left (tests, without starting the loops). */
  runUntilIdle(): Promise<number>;
  /** Stops claiming and waits for the attempts in progress, at most `timeoutMs`; true when they finished. */
  stop(timeoutMs: number): Promise<boolean>;
}

/**
 * A claim outlives the longest attempt (10 s) with room to spare, so no heartbeat is needed; a
 * sender that died leaves its notification to another once the lease runs out.
 */
export const NOTIFICATION_LEASE_MS = 60_000;

/**
 * Senders over the store's notification queue, apart from the webhook workers so that a slow or
 * dead receiver never holds up a delivery or a deployment. Each claims a notification, opens its
 * channel, posts it (10 s at most) and records the outcome: delivered, retried with a backoff, or
 * parked. A store failure never ends a loop.
 */
export function createNotificationSender(options: NotificationSenderOptions): NotificationSender {
  const { store, log } = options;
  const sleepers = createSleepers(options.concurrency);
  const { sleep, wake } = sleepers;
  let loops: Promise<void>[] = [];

  async function send(notification: ClaimedNotification): Promise<void> {
    const context = { notification: notification.id, channel: `${notification.owner}/${notification.channel}` };
    const channel = await store.findChannel(notification.owner, notification.channel);
    if (channel === undefined) {
      await park(notification, "the channel was removed; register it again and retry (deliverybot events retry <id>)", context);
      return;
    }
    let request;
    try {
      const secrets = options.sealer.open(channel.sealed, `${channel.owner}/${channel.name}`);
      const facts = JSON.parse(notification.facts) as NotificationFacts;
      request = renderNotificationRequest({ kind: channel.kind, ...secrets }, { id: notification.id, facts }, options.now());
    } catch (error) {
      await park(notification, error instanceof Error ? error.message : String(error), context);
      options.metrics.notificationAttempted(channel.kind, "parked");
      return;
    }
    const outcome = await postNotification(request, { allowPrivate: channel.allowPrivate, ...options.post });
    if (outcome.kind === "delivered") {
      if (!(await store.completeNotification(notification.id, notification.token, options.now()))) {
        log.warn(context, "delivered a notification whose lease another sender had taken");
      }
      options.metrics.notificationAttempted(channel.kind, "delivered");
      log.debug({ ...context, status: outcome.status }, "notification delivered");
      return;
    }
    const step = await fail(notification, outcome, context);
    options.metrics.notificationAttempted(channel.kind, step);
  }

  async function fail(
    notification: ClaimedNotification,
    failure: FailedAttempt,
    context: Record<string, string>,
  ): Promise<"retried" | "parked"> {
    const step = nextNotificationStep(failure, notification.attempts, options.now());
    if (step.kind === "park") {
      await park(notification, step.error, context);
      return "parked";
    }
    await store.retryNotification(notification.id, notification.token, step.runAt, failure.error);
    log.warn(
      { ...context, attempt: notification.attempts, error: failure.error, retryAt: step.runAt.toISOString() },
      "notification not delivered; retrying later",
    );
    return "retried";
  }

  async function park(notification: ClaimedNotification, error: string, context: Record<string, string>): Promise<void> {
    await store.parkNotification(notification.id, notification.token, options.now(), error);
    log.error({ ...context, error }, "notification parked; see deliverybot events");
  }

  const claim = () => store.claimNotification(options.now(), NOTIFICATION_LEASE_MS);

  async function loop(): Promise<void> {
    while (!sleepers.stopped) {
      let notification: ClaimedNotification | undefined;
      try {
        notification = await claim();
      } catch (error) {
        log.error({ err: error }, "could not claim a notification; trying again shortly");
        await sleep(options.pollMs);
        continue;
      }
      if (notification === undefined) {
        await sleep(options.pollMs);
        continue;
      }
      // There may be more: another loop looks while this one sends.
      wake();
      const claimed = notification;
      await send(claimed).catch((error: unknown) =>
        log.error({ err: error, notification: claimed.id }, "could not record a notification's outcome; its lease will run out"),
      );
    }
  }

  return {
    start() {
      sleepers.restart();
      loops = Array.from({ length: options.concurrency }, () => loop());
    },
    wake,
    async runUntilIdle() {
      let sent = 0;
      for (let n = await claim(); n !== undefined; n = await claim()) {
        await send(n);
        sent += 1;
      }
      return sent;
    },
    async stop(timeoutMs) {
      sleepers.stop();
      return waitForLoops(loops, timeoutMs);
    },
  };
}
