import { Agent } from "node:http";
import { afterAll, describe, expect, it } from "@jest/globals";
import { useHookServer } from "./hooks/hook-server.js";
import { loadPayload } from "./helpers/payloads.js";
import { TEST_WEBHOOK_SECRET } from "./helpers/probot-app.js";
import { postWebhook } from "./helpers/post-webhook.js";
import { randomSha, signEvent, statusEvent } from "./helpers/webhook-events.js";

// The webhook path of Probot's own server, wired as `npm start` wires it: Deliverybot's receiver
// answers there (202 queued), not Probot's middleware (200 after running handlers).
describe("the webhook endpoint of the running server", () => {
  const server = useHookServer();
  const agent = new Agent({ keepAlive: true });
  afterAll(() => agent.destroy());
  const url = `${server.base}/api/github/webhooks`;
  const repo = { owner: "acme", name: "receiver", id: 9_100_001, installationId: 9_100_002 };

  it("stores a signed status webhook and answers 202; its redelivery is a duplicate (200)", async () => {
    const webhook = signEvent(TEST_WEBHOOK_SECRET, statusEvent(repo, randomSha(), "ci/test", "success"));

    const first = await postWebhook(agent, url, webhook);
    const again = await postWebhook(agent, url, webhook);

    expect([first, again]).toEqual([202, 200]);
    const queued = await server.store().listDeliveries({ statuses: ["queued"], limit: 1000 });
    expect(queued.filter((d) => d.id === webhook.id)).toMatchObject([{ event: "status", status: "queued", attempts: 0 }]);
  });

  it("answers an event Deliverybot does not handle with 200 and stores nothing", async () => {
    const star = { name: "star", payload: loadPayload("star", { installationId: repo.installationId }) };
    const webhook = signEvent(TEST_WEBHOOK_SECRET, star);

    const status = await postWebhook(agent, url, webhook);

    expect(status).toBe(200);
    const listed = await server.store().listDeliveries({ statuses: ["queued", "parked"], limit: 1000 });
    expect(listed.map((d) => d.id)).not.toContain(webhook.id);
  });

  it("refuses a webhook signed with another secret (401) and stores nothing", async () => {
    const webhook = signEvent("not-the-secret", statusEvent(repo, randomSha(), "ci/test", "success"));

    const status = await postWebhook(agent, url, webhook);

    expect(status).toBe(401);
    const listed = await server.store().listDeliveries({ statuses: ["queued", "parked"], limit: 1000 });
    expect(listed.map((d) => d.id)).not.toContain(webhook.id);
  });
});
