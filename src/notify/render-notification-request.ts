import type { ChannelKind, ChannelSecrets, NotificationFacts } from "../domain/notifications.js";
import { escapeSlackText } from "./escape-slack-text.js";
import { renderSlackMessage } from "./render-slack-message.js";
import { renderWebhookBody } from "./render-webhook-body.js";
import { signBody } from "./sign-body.js";

/** An HTTP POST ready to send: `postNotification` sends it as it is. */
export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A channel with its secrets opened: where to send, and how. */
export interface OpenChannel extends ChannelSecrets {
  readonly kind: ChannelKind;
}

const USER_AGENT = "Deliverybot-Hookshot";

/**
 * The request announcing a notification on a channel: for `webhook`, the signed JSON of
 * {@link renderWebhookBody}; for `slack`, a Block Kit message. `now` is when it is sent (each retry
 * is signed anew with its own timestamp). Throws when a webhook channel has no secret: a bug.
 */
export function renderNotificationRequest(
  channel: OpenChannel,
  notification: { readonly id: string; readonly facts: NotificationFacts },
  now: Date,
): OutgoingRequest {
  if (channel.kind === "slack") return slackRequest(channel, renderSlackMessage(notification.facts));
  const timestamp = unixSeconds(now);
  const body = JSON.stringify(renderWebhookBody(notification, timestamp));
  return webhookRequest(channel, { event: `deployment.${notification.facts.event}`, delivery: notification.id, timestamp, body });
}

/**
 * The test message `deliverybot notify test` sends: `{"event": "ping", …}` (signed) to a webhook
 * channel, one line of text to a Slack channel.
 */
export function renderPingRequest(
  channel: OpenChannel,
  ping: { readonly id: string; readonly owner: string; readonly channel: string },
  now: Date,
): OutgoingRequest {
  const where = `${ping.owner}/${ping.channel}`;
  if (channel.kind === "slack") {
    return slackRequest(channel, { text: `Deliverybot test message: channel ${escapeSlackText(where)} works` });
  }
  const timestamp = unixSeconds(now);
  const body = JSON.stringify({
    event: "ping",
    delivery: ping.id,
    timestamp,
    channel: { owner: ping.owner, name: ping.channel },
  });
  return webhookRequest(channel, { event: "ping", delivery: ping.id, timestamp, body });
}

function webhookRequest(
  channel: OpenChannel,
  message: { readonly event: string; readonly delivery: string; readonly timestamp: number; readonly body: string },
): OutgoingRequest {
  if (channel.secret === null) throw new Error("a webhook channel must have a secret to sign with; its record is broken");
  const headers = {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    "x-deliverybot-event": message.event,
    "x-deliverybot-delivery": message.delivery,
    "x-deliverybot-timestamp": String(message.timestamp),
    "x-deliverybot-signature-256": signBody(channel.secret, message.body),
  };
  return { url: channel.url, headers, body: message.body };
}

/** Slack's URL is its secret: nothing to sign. Link previews of log URLs would only add noise. */
function slackRequest(channel: OpenChannel, message: object): OutgoingRequest {
  const body = JSON.stringify({ ...message, unfurl_links: false, unfurl_media: false });
  return { url: channel.url, headers: { "content-type": "application/json", "user-agent": USER_AGENT }, body };
}

function unixSeconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}
