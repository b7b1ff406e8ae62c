import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext, RunningApp } from "./app-under-test.js";
import type { PreparedBackend } from "./backends.js";
import { startServer, type ServerProcess } from "./child-process.js";
import { cpuMsOfProcessesNamed, processCpuMs } from "./cpu-time.js";
import { INGEST_KINDS, noActionEvents } from "./event-mix.js";
import { sendWebhooks, type SendResult } from "./send-webhooks.js";
import { percentile, p50p99 } from "./stats.js";
import { waitForDrain } from "./wait-for-drain.js";
import { signEvent, type WebhookEvent } from "../test/helpers/webhook-events.js";

/** Acknowledgement latency, throughput and CPU cost of one server over one batch. */
export interface IngestFigures {
  readonly events: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Webhooks acknowledged per second, over the batch. */
  readonly throughput: number;
  /** Answers other than 2xx. */
  readonly failed: number;
  /** CPU time the server process used per webhook, in µs. */
  readonly cpuUs: number;
  /** CPU time the PostgreSQL server processes on this machine used per webhook, in µs (PostgreSQL backend only). */
  readonly databaseCpuUs?: number;
}

/**
 * The app's figures over the rounds, the baseline's and the store floor's over the same rounds, and
 * the ratios the goals judge.
 */
export interface IngestComparison {
  readonly rounds: number;
  /** Each figure is the median over the rounds. */
  readonly app: IngestFigures;
  readonly baseline: IngestFigures;
  readonly floor: IngestFigures;
  /** Medians of the per-round ratios app / baseline: each round's batches ran back to back. */
  readonly p99Ratio: number;
  readonly throughputRatio: number;
  /** The same for the store floor / baseline: the most any app storing before it answers reached. */
  readonly floorP99Ratio: number;
  readonly floorThroughputRatio: number;
}

/** A webhook server the app is compared with, and how to measure a batch on it. */
export interface ReferenceServer {
  readonly process: ServerProcess;
  measure(events: readonly WebhookEvent[]): Promise<IngestFigures>;
}

const BASELINE_SCRIPT = fileURLToPath(new URL("./baseline-server.js", import.meta.url));
const FLOOR_SCRIPT = fileURLToPath(new URL("./store-floor-server.js", import.meta.url));

function ingestEvents(context: BenchContext, count: number): WebhookEvent[] {
  return noActionEvents(count, context.random, INGEST_KINDS);
}

/** Sends a batch and measures it, with the CPU time `pid` (and PostgreSQL, `withDatabase`) used meanwhile. */
async function measureBatch(pid: number, send: () => Promise<SendResult>, withDatabase: boolean): Promise<IngestFigures> {
  const cpuBefore = processCpuMs(pid);
  const databaseBefore = withDatabase ? cpuMsOfProcessesNamed("postgres") : NaN;
  const result = await send();
  const perWebhookUs = (ms: number) => (ms * 1000) / result.latenciesMs.length;
  const { p50, p99 } = p50p99(result.latenciesMs);
  let failed = 0;
  for (const [status, count] of result.statuses) if (status < 200 || status > 299) failed += count;
  return {
    events: result.latenciesMs.length,
    p50Ms: p50,
    p99Ms: p99,
    throughput: (result.latenciesMs.length / result.wallMs) * 1000,
    failed,
    cpuUs: perWebhookUs(processCpuMs(pid) - cpuBefore),
    ...(withDatabase ? { databaseCpuUs: perWebhookUs(cpuMsOfProcessesNamed("postgres") - databaseBefore) } : {}),
  };
}

async function startReference(
  context: BenchContext,
  name: string,
  script: string,
  env: Readonly<Record<string, string>>,
): Promise<ReferenceServer> {
  const server = await startServer({
    script,
    cwd: context.workDir,
    env: { PATH: process.env["PATH"] ?? "", WEBHOOK_SECRET: context.secret, ...env },
    readyPath: "/",
    logFile: join(context.workDir, `${name}.log`),
  });
  const { settings } = context;
  const send = (events: readonly WebhookEvent[]) =>
    sendWebhooks(
      events.map((event) => signEvent(context.secret, event)),
      { url: `${server.url}/api/github/webhooks`, concurrency: settings.concurrency },
    );
  return {
    process: server,
    measure: (events) => measureBatch(server.pid, () => send(events), env["DATABASE_URL"] !== undefined),
  };
}

/**
 * Starts the baseline and sends it `baselineWarmup` webhooks: that also warms this process up, the
 * load generator, whose own speed would otherwise favour whichever server is measured later.
 */
export async function startBaseline(context: BenchContext): Promise<ReferenceServer> {
  const baseline = await startReference(context, "baseline", BASELINE_SCRIPT, {});
  await baseline.measure(ingestEvents(context, context.settings.baselineWarmup));
  return baseline;
}

/** Starts the store floor on a store of its own (`DATA_DIR` or `DATABASE_URL`) and warms it up. */
export async function startFloor(context: BenchContext, backend: PreparedBackend): Promise<ReferenceServer> {
  const floor = await startReference(context, `floor-${backend.name}`, FLOOR_SCRIPT, backend.env);
  await floor.measure(ingestEvents(context, context.settings.ingestWarmup));
  return floor;
}

/**
 * Warms the app up and lets it process that, then runs `ingestRounds` rounds, each a batch sent to
 * the baseline, one to the store floor and one to the app, the app finishing its processing before
 * the next round. Measuring them together keeps the machine's ups and downs out of the ratios.
 */
export async function measureAppIngest(
  context: BenchContext,
  app: RunningApp,
  references: { readonly baseline: ReferenceServer; readonly floor: ReferenceServer },
  withDatabase: boolean,
): Promise<IngestComparison> {
  const { settings, github } = context;
  await app.send(ingestEvents(context, settings.ingestWarmup));
  await waitForDrain(app.process.url, github);
  const rounds: { app: IngestFigures; baseline: IngestFigures; floor: IngestFigures }[] = [];
  for (let round = 0; round < settings.ingestRounds; round++) {
    const baseline = await references.baseline.measure(ingestEvents(context, settings.ingestEvents));
    const floor = await references.floor.measure(ingestEvents(context, settings.ingestEvents));
    const events = ingestEvents(context, settings.ingestEvents);
    const ours = await measureBatch(app.process.pid, () => app.send(events), withDatabase);
    rounds.push({ app: ours, baseline, floor });
    await waitForDrain(app.process.url, github);
  }
  const ratio = (of: (r: (typeof rounds)[number]) => number) => median(rounds.map(of));
  return {
    rounds: rounds.length,
    app: medianFigures(rounds.map((r) => r.app)),
    baseline: medianFigures(rounds.map((r) => r.baseline)),
    floor: medianFigures(rounds.map((r) => r.floor)),
    p99Ratio: ratio((r) => r.app.p99Ms / r.baseline.p99Ms),
    throughputRatio: ratio((r) => r.app.throughput / r.baseline.throughput),
    floorP99Ratio: ratio((r) => r.floor.p99Ms / r.baseline.p99Ms),
    floorThroughputRatio: ratio((r) => r.floor.throughput / r.baseline.throughput),
  };
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function medianFigures(all: readonly IngestFigures[]): IngestFigures {
  const of = (figure: (f: IngestFigures) => number) => median(all.map(figure));
  const database = all.map((f) => f.databaseCpuUs).filter((v): v is number => v !== undefined);
  return {
    events: of((f) => f.events),
    p50Ms: of((f) => f.p50Ms),
    p99Ms: of((f) => f.p99Ms),
    throughput: of((f) => f.throughput),
    failed: all.reduce((sum, f) => sum + f.failed, 0),
    cpuUs: of((f) => f.cpuUs),
    ...(database.length === 0 ? {} : { databaseCpuUs: median(database) }),
  };
}
