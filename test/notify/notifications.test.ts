import { afterEach, describe, expect, it } from "@jest/globals";
import { RECENT_CONFIG_TTL_MS } from "../../src/github/github-caches.js";
import { sweepOnce } from "../../src/start-retry-sweep.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "../helpers/app-harness.js";
import { deployment as deploymentResponse, deploymentStatus } from "../helpers/github-responses.js";
import { ORG_CONFIG } from "../config/config-events.js";
import { startReceiver, verifyDeliverybotWebhook, type ReceivedRequest, type Receiver } from "./receiver.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_PATH = /\/contents\/\.github%2Fdeploy\.yml$/;

/** Notifications end to end: real payloads in, real HTTP receivers on loopback out, GitHub mocked. */
describe("deployment notifications", () => {
  const { github, start } = useAppTests();
  let h: Harness;
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });

  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  };
  const configWith = (notifications: string) =>
    `version: 2\ntargets:\n  production:\n    required_contexts: []\nnotifications:\n${notifications}`;
  /**
   * A harness whose configuration sends notifications as `notifications` says: fetched once, and
   * trusted for RECENT_CONFIG_TTL_MS by the events that follow.
   */
  const begin = async (notifications: string) => {
    h = await start();
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_PATH, { status: 200, body: configWith(notifications), headers: { etag: '"v1"' } });
  };
  const deployment = (id: number, fields: Record<string, unknown> = {}) =>
    h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id, sha: SHA, environment: "production", ...fields }) });
  const status = (deploymentId: number, id: number, state: string, fields: Record<string, unknown> = {}) =>
    h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: deploymentId, sha: SHA, environment: "production", ...fields });
        Object.assign(p.deployment_status, {
          id,
          state,
          created_at: h.parts.now().toISOString(),
          log_url: `https://ci.example.com/runs/${id}`,
          environment_url: state === "success" ? "https://shop.example.com" : null,
        });
      },
    });

  it("announces a deployment's lifecycle to a webhook receiver, signed, in order, each state once", async () => {
    await begin("  - channel: deploys\n");
    const hook = await receiver();
    const secret = await h.registerChannel("deploys", hook.url);

    await deployment(500);
    await status(500, 5001, "queued");
    await status(500, 5002, "in_progress");
    await status(500, 5003, "success");
    await status(500, 5003, "success");
    const sent = await h.notifier.runUntilIdle();

    expect(sent).toBe(3);
    expect(hook.requests.map((r) => r.headers["x-deliverybot-event"])).toEqual([
      "deployment.created",
      "deployment.started",
      "deployment.succeeded",
    ]);
    expect(hook.requests.every((r) => verifyDeliverybotWebhook(secret ?? "", r))).toBe(true);
    expect(hook.requests.every((r) => !verifyDeliverybotWebhook("another secret", r))).toBe(true);
    expect(hook.requests[0]?.path).toBe("/hooks/deliverybot?token=receiver-secret-token");
    expect(hook.bodies()[2]).toEqual({
      event: "deployment.succeeded",
      delivery: hook.requests[2]?.headers["x-deliverybot-delivery"],
      timestamp: Number(hook.requests[2]?.headers["x-deliverybot-timestamp"]),
      state: "succeeded",
      repository: {
        id: h.repo.id,
        owner: "acme",
        name: h.repo.name,
        full_name: `acme/${h.repo.name}`,
        html_url: `https://github.com/acme/${h.repo.name}`,
      },
      deployment: {
        id: 500,
        environment: "production",
        sha: SHA,
        ref: "master",
        task: "deploy",
        target: null,
        pull_request: null,
        creator: "Codertocat",
        trigger: "external",
        description: null,
        created_at: "2019-05-15T15:20:53.000Z",
        commit_url: `https://github.com/acme/${h.repo.name}/commit/${SHA}`,
        pull_request_url: null,
      },
      status: expect.objectContaining({ id: 5003, state: "success", log_url: "https://ci.example.com/runs/5003" }),
    });
    expect(new Set(hook.requests.map((r) => r.headers["x-deliverybot-delivery"])).size).toBe(3);
    // One configuration read for five events within a few seconds.
    expect(github.rateLimitedCount()).toBe(1);
    github.done();
  });

  it("asks GitHub for the configuration again once it is 10 s old, so a change to notifications applies", async () => {
    await begin("  - channel: changing\n");
    const hook = await receiver();
    await h.registerChannel("changing", hook.url);
    github.expect("GET", CONFIG_PATH, { status: 304, ifNoneMatch: '"v1"' });
    github.expect("GET", CONFIG_PATH, {
      status: 200,
      ifNoneMatch: '"v1"',
      body: configWith("  - channel: changing\n    states: [failed]\n"),
      headers: { etag: '"v2"' },
    });

    await deployment(580);
    await status(580, 5801, "queued");
    h.advanceClock(RECENT_CONFIG_TTL_MS + 1);
    await status(580, 5802, "in_progress");
    h.advanceClock(RECENT_CONFIG_TTL_MS + 1);
    await status(580, 5803, "success");
    await status(581, 5811, "failure");
    await h.notifier.runUntilIdle();

    const announced = hook.bodies().map((body) => `${String(body["event"])} ${(body["deployment"] as { id: number }).id}`);

    expect(announced).toEqual(["deployment.created 580", "deployment.started 580", "deployment.failed 581"]);
    github.done();
  });

  it("announces nothing for a status older than one already known, or a deployment webhook after its statuses", async () => {
    await begin("  - channel: late\n");
    const hook = await receiver();
    await h.registerChannel("late", hook.url);

    await status(510, 5102, "success");
    await status(510, 5101, "in_progress");
    await deployment(510);
    await h.notifier.runUntilIdle();

    expect(hook.bodies().map((body) => body["event"])).toEqual(["deployment.succeeded"]);
    github.done();
  });

  it("sends only the states and environments a route asks for", async () => {
    await begin("  - channel: prod-failures\n    states: [failed, stuck]\n    environments: [prod*]\n");
    const hook = await receiver();
    await h.registerChannel("prod-failures", hook.url);

    await status(520, 5201, "success");
    await status(521, 5211, "failure", { environment: "staging" });
    await status(522, 5221, "error", { environment: "production-eu" });
    await h.notifier.runUntilIdle();

    expect(hook.bodies().map((body) => [body["event"], (body["deployment"] as { id: number }).id])).toEqual([
      ["deployment.failed", 522],
    ]);
    github.done();
  });

  it("posts a Slack Block Kit message, with what came from GitHub escaped", async () => {
    await begin("  - channel: ops-slack\n");
    const slack = await receiver();
    await h.registerChannel("ops-slack", slack.url, { kind: "slack" });

    await status(530, 5301, "failure", { ref: "<!channel>", payload: { actor: "<@U123>", trigger: "command" } });
    await h.notifier.runUntilIdle();

    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.headers["x-deliverybot-signature-256"]).toBeUndefined();
    const message = slack.bodies()[0] as { text: string; blocks: { type: string }[] };
    expect(message.text).toContain(`acme/${h.repo.name}`);
    expect(message.blocks.length).toBeGreaterThan(0);
    const all = JSON.stringify(message);
    expect(all).toContain(`<https://github.com/acme/${h.repo.name}/commit/${SHA}|${SHA.slice(0, 7)}>`);
    expect(all).toContain("<https://ci.example.com/runs/5301|");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<@U123>");
    expect(all).toContain("&lt;@U123&gt;");
    github.done();
  });

  it("retries a receiver that is down with a backoff, then delivers; parks one that refuses, listed with its error", async () => {
    await begin("  - channel: flaky\n  - channel: gone\n");
    let failures = 2;
    const flaky = await receiver((_request, response) => {
      response.statusCode = failures-- > 0 ? 503 : 200;
      response.end();
    });
    const gone = await receiver((_request, response) => {
      response.statusCode = 410;
      response.end("channel_is_archived");
    });
    await h.registerChannel("flaky", flaky.url);
    await h.registerChannel("gone", gone.url);

    await status(540, 5401, "success");
    await h.notifier.runUntilIdle();
    const afterFirst = flaky.requests.length;
    await h.notifier.runUntilIdle();
    h.advanceClock(10_000);
    await h.notifier.runUntilIdle();
    h.advanceClock(30_000);
    await h.notifier.runUntilIdle();

    expect([afterFirst, flaky.requests.length, gone.requests.length]).toEqual([1, 3, 1]);
    const failing = await h.store.listNotifications({ statuses: ["parked", "queued"], failedOnly: true, limit: 1000 });
    expect(failing.filter((n) => n.repoId === h.repo.id)).toEqual([
      expect.objectContaining({ channel: "gone", status: "parked", attempts: 1, error: expect.stringContaining("410") }),
    ]);
    const scrape = await h.metrics.registry.getSingleMetricAsString("deliverybot_notification_attempts_total");
    expect(scrape).toContain('deliverybot_notification_attempts_total{kind="webhook",outcome="retried"} 2');
    expect(scrape).toContain('deliverybot_notification_attempts_total{kind="webhook",outcome="delivered"} 1');
    expect(scrape).toContain('deliverybot_notification_attempts_total{kind="webhook",outcome="parked"} 1');
    const depth = await h.metrics.registry.getSingleMetricAsString("deliverybot_queue_notifications");
    expect(Number(/deliverybot_queue_notifications\{status="parked"\} (\d+)/.exec(depth)?.[1])).toBeGreaterThanOrEqual(1);
    github.done();
  });

  it("never lets a slow receiver hold up webhook processing: the deliveries are done, the attempt times out and waits", async () => {
    await begin("  - channel: slow\n");
    const slow = await receiver(() => {
      // Never answers.
    });
    await h.registerChannel("slow", slow.url);

    const before = Date.now();
    await status(550, 5501, "success");
    const processedIn = Date.now() - before;
    await h.notifier.runUntilIdle();

    expect(processedIn).toBeLessThan(1_000);
    expect(slow.requests).toHaveLength(1);
    const queued = await h.store.listNotifications({ statuses: ["queued"], failedOnly: true, limit: 1000 });
    expect(queued.filter((n) => n.repoId === h.repo.id)).toEqual([
      expect.objectContaining({ channel: "slow", attempts: 1, error: expect.stringContaining("timed out") }),
    ]);
    github.done();
  });

  it("refuses to post to a private address unless the channel was registered to allow it", async () => {
    await begin("  - channel: internal\n");
    const internal = await receiver();
    await h.registerChannel("internal", internal.url, { allowPrivate: false });

    await status(560, 5601, "success");
    await h.notifier.runUntilIdle();

    expect(internal.requests).toHaveLength(0);
    const parked = await h.store.listNotifications({ statuses: ["parked"], limit: 1000 });
    const error = parked.find((n) => n.repoId === h.repo.id)?.error ?? "";
    expect(error).toMatch(/private|loopback/);
    expect(error).not.toContain("receiver-secret-token");
    github.done();
  });

  it("sends to the channels an organisation names once for all its repositories, through _extends", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_PATH, { status: 200, body: "_extends: .github\nversion: 2\ntargets:\n  production: {}\n" });
    github.expect("GET", ORG_CONFIG, {
      status: 200,
      body: "version: 2\ntargets:\n  production: {}\nnotifications:\n  - channel: org-wide\n    states: [failed]\n",
    });
    const hook = await receiver();
    await h.registerChannel("org-wide", hook.url);

    await status(575, 5751, "failure");
    await h.notifier.runUntilIdle();

    expect(hook.bodies()).toEqual([expect.objectContaining({ event: "deployment.failed", state: "failed" })]);
    github.done();
  });

  it("skips a channel the configuration names that is not registered, and sends to the rest", async () => {
    await begin("  - channel: missing\n  - channel: present\n");
    const hook = await receiver();
    await h.registerChannel("present", hook.url);

    await status(570, 5701, "success");
    await h.notifier.runUntilIdle();

    expect(hook.requests).toHaveLength(1);
    const queuedFor = (await h.store.listNotifications({ statuses: ["queued", "parked"], limit: 1000 })).filter(
      (n) => n.repoId === h.repo.id,
    );
    expect(queuedFor).toEqual([]);
    github.done();
  });
});

describe("deployment notifications without channels", () => {
  const { github, start } = useAppTests();

  it("cost nothing: no channel registered for the owner, no configuration loaded", async () => {
    const h = await start();

    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id: 600, sha: SHA }) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: 600, sha: SHA });
        Object.assign(p.deployment_status, { id: 6001, state: "success" });
      },
    });

    expect(github.requests).toEqual([]);
    await expect(h.notifier.runUntilIdle()).resolves.toBe(0);
  });
});

describe("the watchdog's notifications", () => {
  const { github, start } = useAppTests();
  const MINUTE = 60_000;
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });

  /** A repository that deploys main on push and tells `watch` about stuck and deleted deployments. */
  const begin = async (deploymentId: number) => {
    const h = await start();
    const hook = await startReceiver();
    receivers.push(hook);
    const secret = await h.registerChannel("watch", hook.url);
    const config = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
notifications:
  - channel: watch
    states: [stuck, deleted]
`;
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_PATH, { status: 200, body: config, headers: { etag: '"v1"' } });
    github.expect("GET", CONFIG_PATH, { status: 304, ifNoneMatch: '"v1"' });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deploymentResponse(deploymentId, SHA) });
    await h.receive("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });
    return { h, hook, secret };
  };

  it("announces a deployment the watchdog marked error as deployment.stuck, with what to check", async () => {
    const { h, hook, secret } = await begin(701);
    h.advanceClock(10 * MINUTE);
    const description = "No status 10m after creation: did a workflow run on: deployment? Marked error by Deliverybot.";
    github.expect("POST", `${h.api}/deployments/701/statuses`, {
      status: 201,
      body: { ...deploymentStatus(7011, 701, "error"), description },
    });

    await sweepOnce(h.sweepParts);
    await sweepOnce(h.sweepParts);
    await h.notifier.runUntilIdle();

    github.done();
    expect(hook.requests).toHaveLength(1);
    // Signed when sent, by the app's clock (ten minutes ahead here): to a receiver whose clock is
    // behind by as much, it is a replay.
    const received = hook.requests[0] as ReceivedRequest;
    expect(verifyDeliverybotWebhook(secret ?? "", received, h.parts.now().getTime())).toBe(true);
    expect(verifyDeliverybotWebhook(secret ?? "", received, Date.now())).toBe(false);
    expect(hook.bodies()[0]).toMatchObject({
      event: "deployment.stuck",
      state: "stuck",
      deployment: { id: 701, environment: "production", sha: SHA, trigger: "auto" },
      status: { id: 7011, state: "error", description },
    });
  });

  it("announces a deployment GitHub no longer has as deployment.deleted", async () => {
    const { h, hook } = await begin(702);
    h.advanceClock(10 * MINUTE);
    github.expect("POST", `${h.api}/deployments/702/statuses`, { status: 404, body: { message: "Not Found" } });

    await sweepOnce(h.sweepParts);
    await h.notifier.runUntilIdle();

    github.done();
    expect(hook.bodies()).toEqual([
      expect.objectContaining({
        event: "deployment.deleted",
        state: "deleted",
        status: null,
        deployment: expect.objectContaining({ id: 702 }),
      }),
    ]);
  });
});
