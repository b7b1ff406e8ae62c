import type { BenchContext, RunningApp } from "./app-under-test.js";
import { noActionEvents } from "./event-mix.js";
import { waitForDrain } from "./wait-for-drain.js";

/** Resident memory after `events` webhooks, in MiB. */
export interface MemoryFigures {
  readonly events: number;
  readonly rssMiB: number;
  /** The process's peak resident memory so far (`VmHWM`). */
  readonly peakMiB: number;
  /**
   * Webhooks processed per second from `since` until the queue was empty: a sustained rate, the
   * queue never running dry meanwhile. Only when `/healthz` reports the queue and webhooks were topped up.
   */
  readonly processingRate?: number;
}

/** Where the sustained processing rate is measured from: a time (epoch ms) and how many webhooks the app had been sent then. */
export interface RateMark {
  readonly at: number;
  readonly sent: number;
}

/**
 * Tops the app's webhooks up to `memoryEvents` with the no-action mix, waits until they are
 * processed, and reads its resident memory from `/proc/<pid>/status`.
 */
export async function measureMemory(context: BenchContext, app: RunningApp, since: RateMark): Promise<MemoryFigures> {
  const missing = Math.max(0, context.settings.memoryEvents - app.sent);
  const chunk = 2_000;
  for (let sent = 0; sent < missing; sent += chunk) {
    await app.send(noActionEvents(Math.min(chunk, missing - sent), context.random));
  }
  const drained = await waitForDrain(app.process.url, context.github);
  const { rss, peak } = app.process.memoryKiB();
  const toppedUp = app.sent - since.sent;
  const processingRate = drained.mode === "queue" && toppedUp > 0 ? (toppedUp / (drained.at - since.at)) * 1000 : undefined;
  return {
    events: app.sent,
    rssMiB: rss / 1024,
    peakMiB: peak / 1024,
    ...(processingRate === undefined ? {} : { processingRate }),
  };
}
