import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { Metrics } from "../domain/metrics.js";
import { HOOK_REJECTIONS, type HookCounters } from "../hooks/hook-counters.js";
import type { DeliveryStore } from "../store/delivery-store.js";
import type { NotificationStore } from "../store/notification-store.js";

/** What the metrics read when scraped rather than count as the app works. */
export interface MetricsSources {
  readonly store: Pick<DeliveryStore, "countDeliveries" | "oldestUnprocessedDelivery"> &
    Pick<NotificationStore, "countNotifications">;
  readonly hookCounters: HookCounters;
  readonly now: () => Date;
}

/** The app's metrics: the port the code counts through, and the registry `/metrics` serves. */
export interface AppMetrics {
  readonly metrics: Metrics;
  readonly registry: Registry;
}

/**
 * A registry of its own (never prom-client's global one) with Node's process metrics and
 * Deliverybot's: webhook deliveries by event and outcome, decisions by reason code, deployments
 * created by trigger, GitHub requests by route and status and the rate limit left, watchdog
 * firings, notification attempts by outcome, hook requests turned away, and — read from the store at
 * each scrape — the queues' depth and the age of the oldest delivery not processed yet.
 */
export function createMetrics(sources: MetricsSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const webhooks = new Counter({
    name: "deliverybot_webhook_deliveries_total",
    help: "Webhook deliveries answered, by event (`unverified` before the signature checked out) and outcome.",
    labelNames: ["event", "outcome"] as const,
    registers,
  });
  const decisions = new Counter({
    name: "deliverybot_decisions_total",
    help: "Decisions recorded, by reason code.",
    labelNames: ["reason"] as const,
    registers,
  });
  const deployments = new Counter({
    name: "deliverybot_deployments_created_total",
    help: "Deployments created (or found after a crash), by what started them.",
    labelNames: ["trigger"] as const,
    registers,
  });
  const github = new Counter({
    name: "deliverybot_github_requests_total",
    help: "GitHub API requests by route and the status GitHub answered (`none`: no answer).",
    labelNames: ["route", "status"] as const,
    registers,
  });
  const rateLimit = new Gauge({
    name: "deliverybot_github_rate_limit_remaining",
    help: "Requests left in the rate limit of the installation GitHub answered last.",
    registers,
  });
  const watchdog = new Counter({
    name: "deliverybot_watchdog_firings_total",
    help: "Deployments the watchdog marked `error`: `stuck` without a status, `timeout` in progress too long.",
    labelNames: ["kind"] as const,
    registers,
  });
  const notifications = new Counter({
    name: "deliverybot_notification_attempts_total",
    help: "Notification attempts by channel kind and outcome: `delivered`, `retried` (down, slow or busy receiver), `parked`.",
    labelNames: ["kind", "outcome"] as const,
    registers,
  });
  new Counter({
    name: "deliverybot_hook_rejections_total",
    help: "Deploy hook requests turned away before anything was looked up, by why.",
    labelNames: ["reason"] as const,
    registers,
    collect() {
      this.reset();
      for (const reason of HOOK_REJECTIONS) this.inc({ reason }, sources.hookCounters.rejected[reason]);
    },
  });
  new Gauge({
    name: "deliverybot_queue_deliveries",
    help: "Webhook deliveries in the durable queue, by status (all instances).",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      const counts = await sources.store.countDeliveries();
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "deliverybot_queue_notifications",
    help: "Notifications in their queue, by status (all instances).",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      const counts = await sources.store.countNotifications();
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "deliverybot_queue_oldest_unprocessed_age_seconds",
    help: "How long the oldest delivery not processed yet (queued or running) has waited; 0 when none.",
    registers,
    async collect() {
      const oldest = await sources.store.oldestUnprocessedDelivery();
      this.set(oldest === null ? 0 : Math.max(0, (sources.now().getTime() - oldest.getTime()) / 1000));
    },
  });

  const metrics: Metrics = {
    webhookReceived: (event, outcome) => webhooks.inc({ event, outcome }),
    decisionRecorded: (reason) => decisions.inc({ reason }),
    deploymentCreated: (trigger) => deployments.inc({ trigger }),
    githubResponded(route, status, remaining) {
      github.inc({ route, status: status === null ? "none" : String(status) });
      if (remaining !== undefined) rateLimit.set(remaining);
    },
    watchdogFired: (kind) => watchdog.inc({ kind }),
    notificationAttempted: (kind, outcome) => notifications.inc({ kind, outcome }),
  };
  return { metrics, registry };
}
