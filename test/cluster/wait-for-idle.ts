import type { FakeGitHub } from "../fake-github/fake-github-server.js";
import { readHealth, type QueueCounts } from "../helpers/read-health.js";

/** How long the fake GitHub must hear nothing before the cluster counts as idle. */
const QUIET_MS = 1_500;

/**
 * Waits until every instance's `GET /healthz` reports nothing queued or running (one shared queue,
 * asked of each instance) and the fake GitHub has had no request, answered or in flight, for 1.5 s.
 * Resolves with the queue counts; throws after `timeoutMs` with the last counts seen.
 */
export async function waitForIdle(appUrls: readonly string[], github: FakeGitHub, timeoutMs: number): Promise<QueueCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await Promise.all(appUrls.map(async (url) => (await readHealth(url))?.queue));
    const idle = seen.every((queue) => queue !== undefined && queue.queued + queue.running === 0);
    const lastRequest = Math.max(0, ...github.requests.map((request) => request.at));
    const quiet = github.inFlight().length === 0 && Date.now() - lastRequest >= QUIET_MS;
    const [first] = seen;
    if (idle && quiet && first !== undefined) return first;
    if (Date.now() > deadline) {
      throw new Error(`the cluster was not idle within ${timeoutMs / 1000} s; queues by instance: ${JSON.stringify(seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
