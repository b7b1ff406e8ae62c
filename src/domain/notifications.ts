import type { DeploymentTrigger } from "./deployments.js";

/**
 * What a notification announces: a lifecycle state a deployment reached (`created`, `started`,
 * `succeeded`, `failed`, `inactive`), `deleted` (Deliverybot found it gone: GitHub sends no webhook
 * for that) or `stuck` (the watchdog marked it `error`). Sent as `deployment.<event>`.
 */
export const NOTIFICATION_EVENTS = ["created", "started", "succeeded", "failed", "inactive", "deleted", "stuck"] as const;

export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Where notifications go: a signed JSON webhook, or a Slack incoming webhook (Block Kit). */
export const CHANNEL_KINDS = ["webhook", "slack"] as const;

export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * What a notification says, fixed when it is queued (so every retry sends the same facts); the
 * time it is sent at is added by the sender. Times are ISO 8601 strings.
 */
export interface NotificationFacts {
  readonly event: NotificationEvent;
  readonly repository: {
    readonly id: number;
    readonly owner: string;
    readonly name: string;
    /** The repository's page on GitHub (or GitHub Enterprise Server). */
    readonly htmlUrl: string;
  };
  readonly deployment: {
    readonly id: number;
    readonly environment: string;
    readonly sha: string;
    readonly ref: string;
    readonly task: string;
    /** The `.github/deploy.yml` target, when Deliverybot created it. */
    readonly target: string | null;
    readonly pr: number | null;
    /** Who asked for it (a login); null when not known. */
    readonly creator: string | null;
    readonly trigger: DeploymentTrigger | null;
    readonly description: string | null;
    readonly createdAt: string;
  };
  /** The status that reached this state; null for `created` by the `deployment` webhook and for `deleted`. */
  readonly status: {
    readonly id: number;
    /** GitHub's state: `queued`, `in_progress`, `success`, `error`… */
    readonly state: string;
    readonly description: string | null;
    readonly logUrl: string | null;
    readonly environmentUrl: string | null;
    readonly createdAt: string;
  } | null;
}

/** A channel's secrets in clear: only ever in memory, sealed at rest. */
export interface ChannelSecrets {
  readonly url: string;
  /** The HMAC key of a `webhook` channel; null for `slack` (its URL is the secret). */
  readonly secret: string | null;
}
