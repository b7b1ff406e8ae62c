import type { DeploymentTrigger } from "./deployments.js";
import type { ChannelKind } from "./notifications.js";
import type { ReasonCode } from "./reason-codes.js";

/**
 * What the app counts as it works, for `/metrics`: a narrow port the code calls, implemented with
 * prom-client at the edge (`web/create-metrics.ts`). Counting never fails and never waits.
 */
export interface Metrics {
  /** A webhook delivery answered: `queued`, `requeued`, `duplicate`, `ignored`, or why it was refused. */
  webhookReceived(event: string, outcome: string): void;
  /** A decision recorded, by its reason code. */
  decisionRecorded(reason: ReasonCode): void;
  /** A deployment created (or found after a crash), by what started it. */
  deploymentCreated(trigger: DeploymentTrigger): void;
  /**
   * GitHub answered a request (`status` null: no answer at all), by `METHOD /route/{template}`; and
   * how much of the installation's rate limit was left, when the answer said.
   */
  githubResponded(route: string, status: number | null, rateLimitRemaining: number | undefined): void;
  /** The watchdog marked a deployment `error`: `stuck` without a status, or `timeout` in progress. */
  watchdogFired(kind: "stuck" | "timeout"): void;
  /**
   * A notification attempt ended: `delivered`, `retried` (the receiver was down, slow or busy) or
   * `parked` (refused, or too many failures), by the channel's kind.
   */
  notificationAttempted(kind: ChannelKind, outcome: NotificationOutcome): void;
}

/** How a notification attempt ended. */
export type NotificationOutcome = "delivered" | "retried" | "parked";

/** Counts nothing: for code run outside the app (tests of single parts). */
export const NO_METRICS: Metrics = {
  webhookReceived: () => undefined,
  decisionRecorded: () => undefined,
  deploymentCreated: () => undefined,
  githubResponded: () => undefined,
  watchdogFired: () => undefined,
  notificationAttempted: () => undefined,
};
