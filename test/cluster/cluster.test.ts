import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { FAKE_ROUTES } from "../fake-github/fake-github-server.js";
import { buildApp } from "./build-app.js";
import {
  buildScenario,
  queuedDeliveryIds,
  scenarioConfigs,
  SCENARIO_REPOS,
  SCENARIO_SIZE,
  type Scenario,
} from "./cluster-scenario.js";
import { startClusterRun, type ClusterRun } from "./cluster-run.js";
import { createKillSwitch } from "./kill-mid-stream.js";
import { describeOutcome, readOutcome, type RunOutcome } from "./run-outcome.js";
import { sendStream, type StreamResult } from "./send-stream.js";
import { waitForIdle } from "./wait-for-idle.js";
import { NO_ACTION } from "./scenario-events.js";
import { runSigtermDrain } from "./sigterm-drain.js";

// Issue 5's proof: real app processes (`node lib/main.js`, built once) on one PostgreSQL schema,
// webhooks over HTTP, every GitHub call to a loopback fake. See cluster-scenario.ts for the 1,000
// requests; each run gets a fresh schema, fake GitHub and processes.

const SEED = 20_261_123;
/** Webhooks in flight at once (a unit's webhooks go together). */
const CONCURRENCY = 20;
const INSTANCES = 3;
/** Idle workers look for work queued by the other instances this often. */
const POLL = { WORKER_POLL_MS: "100" };
/** How long the fake GitHub holds deployment requests in the kill run. */
const DEPLOYMENT_LATENCY_MS = 800;

/**
 * Every answer 2xx, nothing lost; exactly the expected deployments, once each, all recorded; every
 * delivery the app routes stored once and done; no claim left an intent; sane rate-limited calls for
 * `processes` app processes started in all.
 */
function expectExactlyOnce(scenario: Scenario, sent: StreamResult, outcome: RunOutcome, processes: number): void {
  expect([...sent.statuses.keys()].filter((status) => status < 200 || status > 299)).toEqual([]);
  expect(sent.lost).toEqual([]);
  expect(outcome.deployments).toEqual(scenario.expected);
  expect(outcome.recorded).toEqual(scenario.expected);
  expect(outcome.unrecorded).toEqual([]);
  expect(outcome.problems).toEqual([]);
  expect(outcome.queue).toEqual({ queued: 0, running: 0, parked: 0 });
  expect(Object.keys(outcome.database.deliveries)).toEqual(["done"]);
  expect([...(outcome.database.deliveries["done"] ?? [])].sort()).toEqual(queuedDeliveryIds(scenario));
  expect(outcome.database.openIntents).toEqual([]);
  // One POST per deployment; one full read of each configuration per process (then 304s, which are
  // free); for the repository without one at most a 404 per process and push; the reconciliation lookups.
  const { rateLimited } = outcome;
  expect(rateLimited["POST /repos/{owner}/{repo}/deployments → 201"]).toBe(scenario.expected.length);
  expect(rateLimited["GET /repos/{owner}/{repo}/contents/{path} → 200"]).toBeLessThanOrEqual(processes * SCENARIO_REPOS.length);
  const bound = scenario.expected.length + processes * (SCENARIO_REPOS.length + NO_ACTION.unconfiguredPushes) + outcome.lookups;
  expect(outcome.rateLimitedTotal).toBeLessThanOrEqual(bound);
}

let script: string;

beforeAll(async () => {
  script = await buildApp();
}, 120_000);

describe("the scenario", () => {
  it("has 1,000 requests, the same for the same seed", () => {
    const scenario = buildScenario(SEED, "unused");
    expect(scenario.requests).toBe(SCENARIO_SIZE);
    expect(buildScenario(SEED, "unused").units.map((unit) => unit.map((w) => w.webhook.id))).toEqual(
      scenario.units.map((unit) => unit.map((w) => w.webhook.id)),
    );
  });
});

describe("exactly once with three instances", () => {
  let run: ClusterRun | undefined;
  afterAll(() => run?.stop(), 30_000);

  it("deploys every (target, commit) that should deploy exactly once, and nothing else", async () => {
    const started = Date.now();
    run = await startClusterRun({ script, size: INSTANCES, configs: scenarioConfigs(), env: POLL });
    const scenario = buildScenario(SEED, run.credentials.webhookSecret);
    const urls = run.cluster.instances.map((instance) => instance.webhookUrl);
    const sent = await sendStream(
      scenario.units.map((unit) => unit.map((w) => w.webhook)),
      urls,
      { concurrency: CONCURRENCY },
    );
    const sentAfterMs = Date.now() - started;
    const queue = await waitForIdle(
      run.cluster.instances.map((instance) => instance.url),
      run.github,
      60_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${run?.cluster.logs()}`);
    });
    const outcome = await readOutcome(run.github, run.schema, queue, SCENARIO_REPOS);
    console.log(
      describeOutcome("three instances", outcome, {
        webhooks: `${sent.webhooks} sent in ${sentAfterMs} ms, ${sent.requests} requests, answers ${JSON.stringify([...sent.statuses])}`,
        idleAfterMs: Date.now() - started,
        scenario: scenario.counts,
      }),
    );

    expectExactlyOnce(scenario, sent, outcome, INSTANCES);
    expect(outcome.lookups).toBe(0);
  }, 90_000);
});

describe("exactly once when an instance is killed with SIGKILL mid-stream and restarted", () => {
  let run: ClusterRun | undefined;
  afterAll(() => run?.stop(), 30_000);

  it("loses nothing and doubles nothing", async () => {
    const started = Date.now();
    run = await startClusterRun({
      script,
      size: INSTANCES,
      configs: scenarioConfigs(),
      env: { ...POLL, WORKER_LEASE_SECONDS: "3" },
    });
    // Deployment requests take 0.8 s to answer: the kill finds an instance between claim and record.
    run.github.setLatency(FAKE_ROUTES.createDeployment, DEPLOYMENT_LATENCY_MS);
    const scenario = buildScenario(SEED, run.credentials.webhookSecret);
    const { cluster } = run;
    const third = Math.round(scenario.units.length / 3);
    const killSwitch = createKillSwitch(run, {
      killAfterUnits: third,
      restartAfterUnits: 2 * third,
      maxWaitMs: 10_000,
      arrivedWithinMs: DEPLOYMENT_LATENCY_MS / 2,
    });
    const sent = await sendStream(
      scenario.units.map((unit) => unit.map((w) => w.webhook)),
      cluster.instances.map((instance) => instance.webhookUrl),
      { concurrency: CONCURRENCY, pauseMs: 150, onUnitDone: (done) => killSwitch.onUnitDone(done) },
    );
    const sentAfterMs = Date.now() - started;
    const kill = await killSwitch.finished();
    const queue = await waitForIdle(
      cluster.instances.map((instance) => instance.url),
      run.github,
      90_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${cluster.logs()}`);
    });
    const outcome = await readOutcome(run.github, run.schema, queue, SCENARIO_REPOS);
    console.log(
      describeOutcome("three instances, one killed and restarted", outcome, {
        webhooks: `${sent.webhooks} sent in ${sentAfterMs} ms, ${sent.requests} requests (${sent.resent} re-sent to a live instance), answers ${JSON.stringify([...sent.statuses])}`,
        kill,
        idleAfterMs: Date.now() - started,
      }),
    );

    expectExactlyOnce(scenario, sent, outcome, INSTANCES + 1);
    expect(sent.resent).toBeGreaterThan(0);
    // A process killed while GitHub was creating its deployment left an intent: it must have been looked up and found.
    expect(outcome.lookupsFound).toBeGreaterThanOrEqual(kill.midDeployment ? 1 : 0);
  }, 120_000);
});

describe("SIGTERM", () => {
  it("drains the deployment in flight before the process exits with code 0", async () => {
    const drain = await runSigtermDrain(script);
    console.log(`SIGTERM drain: ${JSON.stringify(drain)}`);

    expect(drain.exit).toEqual({ code: 0, signal: null });
    expect(drain.exitedAfterAnswerMs).toBeGreaterThanOrEqual(0);
    expect(drain.deliveries).toEqual({ done: 2 });
    expect(drain.recorded).toEqual([drain.deploymentId]);
    expect(drain.openIntents).toEqual([]);
  }, 60_000);
});
