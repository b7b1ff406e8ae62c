import type { BenchContext, RunningApp } from "./app-under-test.js";
import { FAST } from "./bench-repos.js";
import { sleep } from "./child-process.js";
import { nowMs } from "./send-webhooks.js";
import { p50p99 } from "./stats.js";
import { pushEvent, randomSha } from "../test/helpers/webhook-events.js";

/** Push → deployment request, as the fake GitHub saw it. */
export interface E2eFigures {
  readonly runs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The push's acknowledgement, for comparison. */
  readonly ackP50Ms: number;
  /** Runs whose deployment did not arrive within 20 s. */
  readonly missed: number;
}

/**
 * Probot's throttling spaces the writes of one installation at least 1 s apart; each run starts this long after the
 * previous deployment so that it measures one push on its own rather than that spacing.
 */
export const RUN_SPACING_MS = 1_100;

/**
 * Pushes a new commit to `main` of a repository whose target deploys without waiting for checks
 * (`required_contexts: []`), one at a time, `e2eRuns` times after one warm-up run (token exchange,
 * first config read), and measures from sending the push to the fake GitHub receiving the
 * deployment request.
 */
export async function measureE2e(context: BenchContext, app: RunningApp): Promise<E2eFigures> {
  const e2e: number[] = [];
  const acks: number[] = [];
  let missed = 0;
  let lastDeployment = 0;
  for (let run = 0; run <= context.settings.e2eRuns; run += 1) {
    const measured = run > 0;
    await sleep(Math.max(0, lastDeployment + RUN_SPACING_MS - nowMs()));
    const sha = randomSha();
    const deployed = context.github.waitForDeployment((d) => d.sha === sha, 20_000);
    const sent = nowMs();
    const status = await app.sendOne(pushEvent(FAST, "refs/heads/main", sha));
    const acked = nowMs();
    try {
      lastDeployment = (await deployed).at;
      if (measured) e2e.push(lastDeployment - sent);
    } catch {
      if (measured) missed += 1;
      lastDeployment = nowMs();
    }
    if (measured && status >= 200 && status < 300) acks.push(acked - sent);
  }
  const { p50, p99 } = p50p99(e2e);
  return { runs: context.settings.e2eRuns, p50Ms: p50, p99Ms: p99, ackP50Ms: p50p99(acks).p50, missed };
}
