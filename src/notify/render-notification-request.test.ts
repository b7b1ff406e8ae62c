import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import type { NotificationFacts } from "../domain/notifications.js";
import { renderNotificationRequest, renderPingRequest, type OpenChannel } from "./render-notification-request.js";
import { SUCCEEDED } from "./test-facts.js";

const NOW = new Date("2026-11-23T10:00:00.750Z");
const NOW_S = 1_795_428_000;
const WEBHOOK: OpenChannel = {
  kind: "webhook",
  url: "https://hooks.example.com/deliverybot?t=1",
  secret: "whsec-0123456789abcdef",
};
const SLACK: OpenChannel = { kind: "slack", url: "https://hooks.slack.com/services/T0/B0/xyz", secret: null };

const FACTS: NotificationFacts = {
  ...SUCCEEDED,
  event: "failed",
  deployment: { ...SUCCEEDED.deployment, target: null, pr: null, trigger: "auto", description: null },
  status: {
    ...SUCCEEDED.status,
    state: "failure",
    description: "Smoke test failed: héllo ✗",
    logUrl: null,
    environmentUrl: null,
  },
};
const NOTIFICATION = { id: "6f1c2a4e-delivery", facts: FACTS };

/** What a receiver computes to check the signature: GitHub's X-Hub-Signature-256 over the raw bytes. */
function expectedSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("hex")}`;
}

describe("renderNotificationRequest", () => {
  it("sends a webhook channel signed JSON with the event, delivery and timestamp headers", () => {
    const request = renderNotificationRequest(WEBHOOK, NOTIFICATION, NOW);

    expect(request.url).toBe(WEBHOOK.url);
    expect(request.headers).toEqual({
      "content-type": "application/json",
      "user-agent": "Deliverybot-Hookshot",
      "x-deliverybot-event": "deployment.failed",
      "x-deliverybot-delivery": "6f1c2a4e-delivery",
      "x-deliverybot-timestamp": String(NOW_S),
      "x-deliverybot-signature-256": expectedSignature("whsec-0123456789abcdef", request.body),
    });
    expect(JSON.parse(request.body)).toMatchObject({
      event: "deployment.failed",
      delivery: "6f1c2a4e-delivery",
      timestamp: NOW_S,
      state: "failed",
      repository: { full_name: "acme/shop" },
      status: { state: "failure", description: "Smoke test failed: héllo ✗" },
    });
  });

  it("signs with the channel's secret: another secret gives another signature", () => {
    const request = renderNotificationRequest(WEBHOOK, NOTIFICATION, NOW);

    const other = renderNotificationRequest({ ...WEBHOOK, secret: "another-secret" }, NOTIFICATION, NOW);

    expect(other.body).toBe(request.body);
    expect(other.headers["x-deliverybot-signature-256"]).not.toBe(request.headers["x-deliverybot-signature-256"]);
  });

  it("signs each attempt with its own time", () => {
    const first = renderNotificationRequest(WEBHOOK, NOTIFICATION, NOW);

    const later = renderNotificationRequest(WEBHOOK, NOTIFICATION, new Date(NOW.getTime() + 60_000));

    expect(JSON.parse(later.body)).toMatchObject({ timestamp: NOW_S + 60 });
    expect(later.headers["x-deliverybot-timestamp"]).toBe(String(NOW_S + 60));
    expect(later.headers["x-deliverybot-signature-256"]).not.toBe(first.headers["x-deliverybot-signature-256"]);
  });

  it("throws for a webhook channel without a secret", () => {
    const render = () => renderNotificationRequest({ ...WEBHOOK, secret: null }, NOTIFICATION, NOW);

    expect(render).toThrow("a webhook channel must have a secret");
  });

  it("sends a Slack channel a Block Kit message, unsigned", () => {
    const request = renderNotificationRequest(SLACK, NOTIFICATION, NOW);

    expect(request.url).toBe(SLACK.url);
    expect(request.headers).toEqual({ "content-type": "application/json", "user-agent": "Deliverybot-Hookshot" });
    expect(JSON.parse(request.body)).toEqual({
      text: "acme/shop: deployment of abc1234 to production failed",
      blocks: expect.arrayContaining([{ type: "section", text: { type: "mrkdwn", text: expect.stringMatching(/^:x: /) } }]),
      unfurl_links: false,
      unfurl_media: false,
    });
  });
});

describe("renderPingRequest", () => {
  const ping = { id: "ping-1", owner: "acme", channel: "deploys" };

  it("sends a webhook channel a signed ping", () => {
    const request = renderPingRequest(WEBHOOK, ping, NOW);

    expect(JSON.parse(request.body)).toEqual({
      event: "ping",
      delivery: "ping-1",
      timestamp: NOW_S,
      channel: { owner: "acme", name: "deploys" },
    });
    expect(request.headers).toMatchObject({
      "x-deliverybot-event": "ping",
      "x-deliverybot-delivery": "ping-1",
      "x-deliverybot-timestamp": String(NOW_S),
      "x-deliverybot-signature-256": expectedSignature(WEBHOOK.secret ?? "", request.body),
    });
  });

  it("sends a Slack channel a one-line test message", () => {
    const request = renderPingRequest(SLACK, ping, NOW);

    expect(JSON.parse(request.body)).toEqual({
      text: "Deliverybot test message: channel acme/deploys works",
      unfurl_links: false,
      unfurl_media: false,
    });
    expect(request.headers).not.toHaveProperty("x-deliverybot-signature-256");
  });

  it("throws for a webhook channel without a secret", () => {
    const render = () => renderPingRequest({ ...WEBHOOK, secret: null }, ping, NOW);

    expect(render).toThrow("a webhook channel must have a secret");
  });
});
