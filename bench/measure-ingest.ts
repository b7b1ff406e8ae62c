import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext, RunningApp } from "./app-under-test.js";
import { startServer } from "./child-process.js";
import { INGEST_KINDS, noActionEvents } from "./event-mix.js";
import { sendWebhooks, type SendResult } from "./send-webhooks.js";
import { p50p99 } from "./stats.js";
import { waitForDrain } from "./wait-for-drain.js";
import { signEvent, type WebhookEvent } from "../test/helpers/webhook-events.js";

/** Acknowledgement latency and ingest throughput of one server. */
export interface IngestFigures {
  readonly events: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Webhooks acknowledged per second, over the measured batch. */
  readonly throughput: number;
  /** Answers other than 2xx. */
  readonly failed: number;
}

/** The baseline's figures, and its resident memory: a bare Node.js HTTP server's. */
export interface BaselineFigures extends IngestFigures {
  readonly rssMiB: number;
}

const BASELINE_SCRIPT = fileURLToPath(new URL("./baseline-server.js", import.meta.url));

function ingestEvents(context: BenchContext, count: number): WebhookEvent[] {
  return noActionEvents(count, context.random, INGEST_KINDS);
}

function figures(result: SendResult): IngestFigures {
  const { p50, p99 } = p50p99(result.latenciesMs);
  let failed = 0;
  for (const [status, count] of result.statuses) if (status < 200 || status > 299) failed += count;
  return {
    events: result.latenciesMs.length,
    p50Ms: p50,
    p99Ms: p99,
    throughput: (result.latenciesMs.length / result.wallMs) * 1000,
    failed,
  };
}

/** Warms up, then measures the bare `node:http` + HMAC server with the same webhooks the app gets. */
export async function measureBaseline(context: BenchContext): Promise<BaselineFigures> {
  const server = await startServer({
    script: BASELINE_SCRIPT,
    cwd: context.workDir,
    env: { PATH: process.env["PATH"] ?? "", WEBHOOK_SECRET: context.secret },
    readyPath: "/",
    logFile: join(context.workDir, "baseline.log"),
  });
  try {
    const { settings } = context;
    const send = (events: WebhookEvent[]) =>
      sendWebhooks(
        events.map((event) => signEvent(context.secret, event)),
        { url: `${server.url}/api/github/webhooks`, concurrency: settings.concurrency },
      );
    await send(ingestEvents(context, settings.ingestWarmup));
    const result = await send(ingestEvents(context, settings.ingestEvents));
    return { ...figures(result), rssMiB: server.memoryKiB().rss / 1024 };
  } finally {
    await server.stop();
  }
}

/**
 * Warms the app up and lets it finish processing that, then sends the measured batch. A queued app
 * is still processing the batch when this returns (the memory measure waits for it).
 */
export async function measureAppIngest(context: BenchContext, app: RunningApp): Promise<IngestFigures> {
  const { settings, github } = context;
  await app.send(ingestEvents(context, settings.ingestWarmup));
  await waitForDrain(app.process.url, github);
  return figures(await app.send(ingestEvents(context, settings.ingestEvents)));
}
