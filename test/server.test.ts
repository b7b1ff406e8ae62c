import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Probot, ProbotOctokit, Server } from "probot";
import { startDeliverybot, type Deliverybot } from "../src/start-deliverybot.js";
import { freePort } from "./helpers/free-port.js";
import { deployment } from "./helpers/github-responses.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { loadPayload } from "./helpers/payloads.js";
import { createTestProbot, TEST_PRIVATE_KEY, TEST_WEBHOOK_SECRET } from "./helpers/probot-app.js";
import { signPayload } from "./helpers/sign.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";

/** The app as `probot run ./lib/index.js` starts it: the real start-up, HTTP server, file store and workers. */
describe("the running server", () => {
  const github = mockGitHub();
  const dataDir = mkdtempSync(join(tmpdir(), "deliverybot-"));
  let server: Server;
  let app: Deliverybot | undefined;
  // A port the OS hands out: a fixed or random one could be an outgoing connection's right now.
  let BASE = "";

  beforeAll(async () => {
    const port = await freePort();
    BASE = `http://127.0.0.1:${port}`;
    const options = {
      appId: 1,
      privateKey: TEST_PRIVATE_KEY,
      secret: TEST_WEBHOOK_SECRET,
      logLevel: "fatal" as const,
      Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    };
    // Probot creates its logger while loading; a loaded instance's is silenced at `fatal`.
    const { log } = await createTestProbot(() => undefined);
    server = new Server({ Probot: Probot.defaults({ ...options, log }), host: "127.0.0.1", port, log });
    await server.load(async (probot, appOptions) => {
      app = await startDeliverybot(probot, appOptions, { DATA_DIR: dataDir, WORKER_POLL_MS: "50" });
    });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await app?.stop(5_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Polls `/healthz` until the workers processed everything queued. */
  async function queueIdle(): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const { queue } = (await (await fetch(`${BASE}/healthz`)).json()) as { queue: { queued: number; running: number } };
      if (queue.queued + queue.running === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the queue did not drain within 5 s");
  }
  afterEach(() => github.reset());

  const deliver = (name: string, payload: unknown, signature?: string) => {
    const body = JSON.stringify(payload);
    return fetch(`${BASE}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": name,
        "x-github-delivery": crypto.randomUUID(),
        "x-hub-signature-256": signature ?? signPayload(TEST_WEBHOOK_SECRET, body),
      },
      body,
    });
  };

  it("answers /healthz and /ping", async () => {
    const health = await fetch(`${BASE}/healthz`);
    const ping = await fetch(`${BASE}/ping`);

    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", queue: { queued: 0, running: 0, parked: 0 } });
    expect(await ping.text()).toBe("PONG");
  });

  it("deploys on a signed push webhook", async () => {
    github.installationToken(1);
    github.expect("GET", /\/contents\/\.github%2Fdeploy\.yml$/, {
      status: 200,
      body: "web:\n  auto_deploy_on: refs/heads/main\n",
    });
    github.expect("POST", "/repos/Codertocat/Hello-World/deployments", { status: 201, body: deployment(91) });
    const payload = loadPayload("push", {
      installationId: 1,
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });

    const response = await deliver("push", payload);
    await queueIdle();

    expect(response.status).toBe(202);
    github.done();
  });

  it("rejects a webhook with a wrong signature and acts on nothing", async () => {
    const payload = loadPayload("push", { installationId: 1 });

    const response = await deliver("push", payload, signPayload("not-the-secret", JSON.stringify(payload)));

    expect(response.status).toBe(401);
    expect(github.requests).toEqual([]);
  });

  it("answers a malformed body with a client error and keeps running", async () => {
    const body = "{not json";

    const response = await fetch(`${BASE}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "push",
        "x-github-delivery": crypto.randomUUID(),
        "x-hub-signature-256": signPayload(TEST_WEBHOOK_SECRET, body),
      },
      body,
    });

    expect(response.status).toBe(400);
    expect((await fetch(`${BASE}/healthz`)).status).toBe(200);
  });
});
