import { describe, expect, it } from "@jest/globals";
import { TEST_WEBHOOK_SECRET } from "./helpers/probot-app.js";
import { deploymentEvent, randomSha, signEvent } from "./helpers/webhook-events.js";
import { useHookServer } from "./hooks/hook-server.js";

const METRICS_TOKEN = "m".repeat(32);
const HEAD = "5".repeat(40);
const CONFIG = `version: 2
targets:
  production:
    required_contexts: []
    hooks: [ci]
`;

/** One sample of the scrape: its value, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** `/metrics` end to end: the running app's HTTP server, Prometheus' text format, GitHub mocked. */
describe("/metrics with METRICS_TOKEN", () => {
  const server = useHookServer({ env: { METRICS_TOKEN } });
  const scrape = async (token = METRICS_TOKEN) =>
    fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${token}` } });

  it("refuses a scraper without the token (401) and serves Prometheus' text format to one with it", async () => {
    const refused = await fetch(`${server.base}/metrics`);
    const wrong = await scrape("x".repeat(32));
    const served = await scrape();

    expect([refused.status, wrong.status, served.status]).toEqual([401, 401, 200]);
    expect(served.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await served.text();
    expect(text).toContain("# TYPE deliverybot_webhook_deliveries_total counter");
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
  });

  it("counts what the app did: webhooks, a hook's deploy, its decision, GitHub's answers, refused hook requests, the queue", async () => {
    const h = await server.createTestHook("ci");
    server.expectConfig(h, CONFIG);
    server.expectDefaultHead(h, HEAD);
    server.expectDeployment(h, 811, HEAD);
    const repo = { owner: h.hook.owner, name: h.hook.repo, id: h.hook.repoId, installationId: h.hook.installationId };
    const webhook = signEvent(TEST_WEBHOOK_SECRET, deploymentEvent(repo, randomSha()));
    const webhookHeaders = {
      "content-type": "application/json",
      "x-github-event": webhook.name,
      "x-github-delivery": webhook.id,
      "x-hub-signature-256": webhook.signature,
    };
    const before = await (await scrape()).text();

    await fetch(`${server.base}/api/github/webhooks`, {
      method: "POST",
      headers: webhookHeaders,
      body: Uint8Array.from(webhook.body),
    });
    await fetch(`${server.base}/api/github/webhooks`, {
      method: "POST",
      headers: webhookHeaders,
      body: Uint8Array.from(webhook.body),
    });
    await fetch(`${server.base}/api/github/webhooks`, {
      method: "POST",
      headers: { ...webhookHeaders, "x-hub-signature-256": "sha256=0" },
      body: Uint8Array.from(webhook.body),
    });
    const deployed = await fetch(h.url, { method: "POST", headers: { "x-deploy-secret": h.token } });
    await fetch(h.url, { method: "POST", headers: { "x-deploy-secret": "wrong" } });
    const text = await (await scrape()).text();

    server.github.done();
    expect(deployed.status).toBe(201);
    const grew = (series: string) => (sample(text, series) ?? 0) - (sample(before, series) ?? 0);
    expect(grew('deliverybot_webhook_deliveries_total{event="deployment",outcome="queued"}')).toBe(1);
    expect(grew('deliverybot_webhook_deliveries_total{event="deployment",outcome="duplicate"}')).toBe(1);
    expect(grew('deliverybot_webhook_deliveries_total{event="unverified",outcome="bad_signature"}')).toBe(1);
    expect(grew('deliverybot_decisions_total{reason="deployed"}')).toBe(1);
    expect(grew('deliverybot_deployments_created_total{trigger="hook"}')).toBe(1);
    expect(grew('deliverybot_github_requests_total{route="POST /repos/{owner}/{repo}/deployments",status="201"}')).toBe(1);
    expect(grew('deliverybot_hook_rejections_total{reason="unauthorized"}')).toBe(1);
    // The queued webhook waits (nothing processes the queue in this server): it shows in the queue's gauges.
    expect(sample(text, 'deliverybot_queue_deliveries{status="queued"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "deliverybot_queue_oldest_unprocessed_age_seconds")).toBeGreaterThanOrEqual(0);
  });
});

describe("/metrics without METRICS_TOKEN", () => {
  const server = useHookServer({ env: { METRICS_TOKEN: "too-short" } });

  it("does not exist: 404 like any unknown path", async () => {
    const response = await fetch(`${server.base}/metrics`, { headers: { authorization: "Bearer too-short" } });

    expect(response.status).toBe(404);
  });
});
