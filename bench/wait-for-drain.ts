import type { FakeGitHub } from "../test/fake-github/fake-github-server.js";
import { readHealth } from "../test/helpers/read-health.js";
import { sleep } from "./child-process.js";
import { nowMs } from "./send-webhooks.js";

/** How the end of processing was seen. */
export type DrainMode = "queue" | "idle";

/** With no queue in `/healthz`: processing is over once the fake GitHub has heard nothing for this long. */
const IDLE_MS = 1_000;

/**
 * Waits until the app has processed every webhook it acknowledged: `/healthz` reports
 * `queue.queued + queue.running = 0`, or, while `/healthz` has no `queue`, the fake GitHub has
 * received no request for 1 s. Resolves with how it knew and when processing ended (epoch ms).
 */
export async function waitForDrain(
  appUrl: string,
  github: FakeGitHub,
  timeoutMs = 180_000,
): Promise<{ mode: DrainMode; at: number }> {
  const started = nowMs();
  for (;;) {
    const health = await readHealth(appUrl);
    if (health?.queue !== undefined) {
      if (health.queue.queued + health.queue.running === 0) return { mode: "queue", at: nowMs() };
    } else {
      const lastRequest = Math.max(github.requests.at(-1)?.at ?? 0, started);
      if (nowMs() - lastRequest >= IDLE_MS) return { mode: "idle", at: lastRequest };
    }
    if (nowMs() - started > timeoutMs) throw new Error(`the app did not finish processing within ${timeoutMs / 1000} s`);
    await sleep(health?.queue === undefined ? 100 : 25);
  }
}

/** How `waitForDrain` will see the end of processing for this app: `queue` when `/healthz` reports one. */
export async function drainModeOf(appUrl: string): Promise<DrainMode> {
  return (await readHealth(appUrl))?.queue === undefined ? "idle" : "queue";
}
