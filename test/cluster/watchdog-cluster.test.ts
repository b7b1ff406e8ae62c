import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Agent } from "node:http";
import pg from "pg";
import { FAKE_ROUTES, type FakeDeployment, type FakeGitHub, type FakeRequest } from "../fake-github/fake-github-server.js";
import { postWebhook } from "../helpers/post-webhook.js";
import { pushEvent, signEvent, type WebhookRepo } from "../helpers/webhook-events.js";
import { startReceiver, verifyDeliverybotWebhook, type ReceivedRequest, type Receiver } from "../notify/receiver.js";
import { TEST_DATABASE_URL } from "../store/postgres-test-database.js";
import { buildApp } from "./build-app.js";
import { startClusterRun, type ClusterRun } from "./cluster-run.js";
import { seededSha } from "./scenario-events.js";

// The watchdog across real app processes on one PostgreSQL schema: three instances sweep every
// 200 ms, a deployment nobody reports on gets stuck, and exactly one watchdog marks it `error` and
// announces `deployment.stuck` once, to a real receiver on loopback; also when every instance died
// before the deadline and one came back after it.

const SEED = 20_261_201;
const INSTANCES = 3;
const STUCK_AFTER_MS = 2_000;
const REPO: WebhookRepo = { owner: "acme", name: "shop", id: 7301, installationId: 401 };
const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
    stuck_after: 2s
notifications:
  - channel: ops
`;
const ADMIN_TOKEN = "watchdog-cluster-admin-token-0123456789abcdef";
/** The same on every instance: any of them opens the channel another one sealed. */
const NOTIFY_KEY = "watchdog-cluster-notify-key-0123456789abcdef";
/** Every instance runs the retry sweep (and so the watchdog) every 200 ms, and polls for work every 100 ms. */
const ENV = { ADMIN_TOKEN, NOTIFY_KEY, SWEEP_INTERVAL_MS: "200", WORKER_POLL_MS: "100" };
/** How long the watchdog may take to fire and announce it, past `stuck_after`. */
const FIRE_TIMEOUT_MS = 20_000;
/** How long to keep watching once it fired: several sweeps of every instance, any of which could fire again. */
const KEEP_WATCHING_MS = 1_500;
const STATUS_ROUTE = FAKE_ROUTES.createDeploymentStatus.slice("POST ".length);

/** A cluster with the repository configured, a receiver, and the `ops` channel pointing at it. */
interface WatchdogRun {
  readonly run: ClusterRun;
  readonly receiver: Receiver;
  /** The channel's signing secret, as the admin API answered it. */
  readonly secret: string;
  /** Stops the receiver, the instances and the fake, and drops the schema; safe to call twice. */
  stop(): Promise<void>;
}

/** What the instances left in the schema about one deployment. */
interface WatchdogRows {
  /** Whether `deployment_watches` still has its row. */
  readonly watched: boolean;
  /** Its notifications, as `event status`. */
  readonly notifications: readonly string[];
}

/** Starts the cluster and the receiver, and registers the `ops` channel through instance 1's admin API. */
async function startWatchdogRun(script: string): Promise<WatchdogRun> {
  const run = await startClusterRun({
    script,
    size: INSTANCES,
    configs: { [`${REPO.owner}/${REPO.name}`]: CONFIG },
    env: ENV,
  });
  const receiver = await startReceiver().catch(async (error: unknown) => {
    await run.stop();
    throw error;
  });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= Promise.all([receiver.close(), run.stop()]).then(() => undefined));
  try {
    const secret = await registerChannel(run.cluster.instances[0]?.url ?? "", receiver.url);
    return { run, receiver, secret, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `POST /admin/notify` for a webhook channel `ops` of the repository's owner; resolves with its secret. */
async function registerChannel(appUrl: string, receiverUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/admin/notify`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ owner: REPO.owner, name: "ops", kind: "webhook", url: receiverUrl, allowPrivate: true }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /admin/notify answered ${response.status}: ${text}`);
  const { secret } = JSON.parse(text) as { secret?: unknown };
  if (typeof secret !== "string") throw new Error(`POST /admin/notify answered no secret: ${text}`);
  return secret;
}

/** Sends a signed push of `sha` to refs/heads/main to one instance; resolves with the HTTP status. */
async function pushToMain(run: ClusterRun, index: number, sha: string): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  try {
    const webhook = signEvent(run.credentials.webhookSecret, pushEvent(REPO, "refs/heads/main", sha));
    return await postWebhook(agent, run.cluster.instances[index]?.webhookUrl ?? "", webhook);
  } finally {
    agent.destroy();
  }
}

/** Every `POST …/deployments/{id}/statuses` the fake received for the deployment, whatever it answered. */
function statusRequests(github: FakeGitHub, deploymentId: number): FakeRequest[] {
  const path = `/repos/${REPO.owner}/${REPO.name}/deployments/${deploymentId}/statuses`;
  return github.requests.filter((r) => r.method === "POST" && r.route === STATUS_ROUTE && r.path === path);
}

/** The requests the receiver got announcing `deployment.stuck`. */
function stuckNotifications(receiver: Receiver): ReceivedRequest[] {
  return receiver.requests.filter((r) => r.headers["x-deliverybot-event"] === "deployment.stuck");
}

/** Reads the deployment's watch and notifications from the schema, as `read-database.ts` reads the rest. */
async function readWatchdogRows(schema: string, deploymentId: number): Promise<WatchdogRows> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const table = (name: string) => `${pg.escapeIdentifier(schema)}.${name}`;
    const watches = await client.query(`SELECT 1 FROM ${table("deployment_watches")} WHERE deployment_id = $1`, [deploymentId]);
    const notifications = await client.query<{ row: string }>(
      `SELECT event || ' ' || status AS row FROM ${table("notifications")} WHERE deployment_id = $1 ORDER BY seq`,
      [deploymentId],
    );
    return { watched: watches.rows.length > 0, notifications: notifications.rows.map((r) => r.row) };
  } finally {
    await client.end();
  }
}

/** Polls `ready` every 50 ms until it holds; throws naming `what` after `timeoutMs`. */
async function waitUntil(what: string, ready: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await pause(50);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `step`; a failure carries every process's output. */
async function withLogs<T>(run: ClusterRun, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new Error(`${String(error)}\n${run.cluster.logs()}`, { cause: error });
  }
}

/**
 * Waits until the watchdog's `error` status reached the fake and `deployment.stuck` the receiver,
 * keeps watching for {@link KEEP_WATCHING_MS}, then expects each exactly once (signed with the
 * channel's secret, naming the deployment), the watch ended and the notification done. Resolves
 * with how long after the deployment's creation its `error` status arrived.
 */
async function expectFiredOnce(watchdog: WatchdogRun, deployment: FakeDeployment): Promise<number> {
  const { run, receiver } = watchdog;
  await withLogs(run, () =>
    waitUntil(
      "the watchdog's error status and its deployment.stuck notification",
      () => statusRequests(run.github, deployment.id).length > 0 && stuckNotifications(receiver).length > 0,
      FIRE_TIMEOUT_MS,
    ),
  );
  await pause(KEEP_WATCHING_MS);

  const statuses = statusRequests(run.github, deployment.id);
  expect(statuses.map((r) => [r.status, (r.body as { state?: unknown }).state])).toEqual([[201, "error"]]);
  expect(statuses[0]?.at).toBeGreaterThanOrEqual(deployment.at + STUCK_AFTER_MS);
  const stuck = stuckNotifications(receiver);
  expect(stuck).toHaveLength(1);
  const [notification] = stuck as [ReceivedRequest];
  expect(verifyDeliverybotWebhook(watchdog.secret, notification)).toBe(true);
  expect(verifyDeliverybotWebhook(`${watchdog.secret}x`, notification)).toBe(false);
  expect(JSON.parse(notification.body)).toMatchObject({
    event: "deployment.stuck",
    state: "stuck",
    repository: { owner: REPO.owner, name: REPO.name },
    deployment: { id: deployment.id, environment: "production", sha: deployment.sha },
    status: { state: "error" },
  });
  expect(await readWatchdogRows(run.schema, deployment.id)).toEqual({ watched: false, notifications: ["stuck done"] });
  expect(run.github.problems()).toEqual([]);
  return Math.round((statuses[0]?.at ?? Number.NaN) - deployment.at);
}

let script: string;

beforeAll(async () => {
  script = await buildApp();
}, 120_000);

describe("the watchdog with three instances", () => {
  let watchdog: WatchdogRun | undefined;
  afterAll(() => watchdog?.stop(), 30_000);

  it("marks a deployment nobody reported on error once, and announces deployment.stuck once", async () => {
    watchdog = await startWatchdogRun(script);
    const { run } = watchdog;
    const sha = seededSha(SEED, "stuck with three instances");

    expect(await pushToMain(run, 1, sha)).toBe(202);
    const deployment = await withLogs(run, () => run.github.waitForDeployment((d) => d.sha === sha));

    expect(deployment.environment).toBe("production");
    const firedAfterMs = await expectFiredOnce(watchdog, deployment);
    console.log(`three instances: deployment ${deployment.id} marked error ${firedAfterMs} ms after its creation`);
  }, 60_000);
});

describe("the watchdog when every instance died before the deadline", () => {
  let watchdog: WatchdogRun | undefined;
  afterAll(() => watchdog?.stop(), 30_000);

  it("fires once from an instance restarted after stuck_after passed", async () => {
    watchdog = await startWatchdogRun(script);
    const { run, receiver } = watchdog;
    const { cluster } = run;
    const sha = seededSha(SEED, "stuck across a restart");

    expect(await pushToMain(run, 2, sha)).toBe(202);
    const deployment = await withLogs(run, () => run.github.waitForDeployment((d) => d.sha === sha));
    // Killed once the deployment is watched in the store: a kill between GitHub's answer and the
    // store would test reconciliation instead.
    await withLogs(run, () =>
      waitUntil("the watch", async () => (await readWatchdogRows(run.schema, deployment.id)).watched, 10_000),
    );
    await Promise.all(cluster.instances.map((instance) => cluster.kill(instance.index)));
    const killedAt = Date.now();
    await pause(Math.max(0, deployment.at + STUCK_AFTER_MS + 500 - Date.now()));
    const beforeRestart = { statuses: statusRequests(run.github, deployment.id).length, notifications: receiver.requests.length };
    await cluster.restart(0);

    expect(killedAt).toBeLessThan(deployment.at + STUCK_AFTER_MS);
    expect(beforeRestart).toEqual({ statuses: 0, notifications: 0 });
    const firedAfterMs = await expectFiredOnce(watchdog, deployment);
    console.log(
      `restart: all instances killed ${Math.round(killedAt - deployment.at)} ms after deployment ${deployment.id} was created, one restarted; marked error ${firedAfterMs} ms after its creation`,
    );
  }, 60_000);
});
