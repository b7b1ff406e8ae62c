import type { BenchContext, RunningApp } from "./app-under-test.js";
import { noActionEvents } from "./event-mix.js";
import { waitForDrain } from "./wait-for-drain.js";

/** Resident memory after `events` webhooks, in MiB. */
export interface MemoryFigures {
  readonly events: number;
  readonly rssMiB: number;
  /** The process's peak resident memory so far (`VmHWM`). */
  readonly peakMiB: number;
}

/**
 * Tops the app's webhooks up to `memoryEvents` with the no-action mix, waits until they are
 * processed, and reads its resident memory from `/proc/<pid>/status`.
 */
export async function measureMemory(context: BenchContext, app: RunningApp): Promise<MemoryFigures> {
  const missing = Math.max(0, context.settings.memoryEvents - app.sent);
  const chunk = 2_000;
  for (let sent = 0; sent < missing; sent += chunk) {
    await app.send(noActionEvents(Math.min(chunk, missing - sent), context.random));
  }
  await waitForDrain(app.process.url, context.github);
  const { rss, peak } = app.process.memoryKiB();
  return { events: app.sent, rssMiB: rss / 1024, peakMiB: peak / 1024 };
}
