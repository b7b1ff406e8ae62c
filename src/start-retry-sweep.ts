import type { Logger } from "probot";
import type { OpenRepoContext } from "./deploy/repo-context.js";
import { MERGE_GROUP_MEMORY_MS } from "./domain/merge-groups.js";
import type { Metrics } from "./domain/metrics.js";
import { fireWatchdog } from "./handlers/fire-watchdog.js";
import { sweepDuePending } from "./handlers/sweep-due-pending.js";
import type { Store } from "./store/store.js";

/** Processed deliveries are kept this long: GitHub lets a delivery be redelivered for a few days. */
export const KEEP_DELIVERIES_MS = 7 * 24 * 3_600_000;
/** GitHub waits this long for the answer to a protection rule request; then it gives up, and so does the app. */
export const KEEP_PROTECTION_REQUESTS_MS = 30 * 24 * 3_600_000;
/** A deploy somebody asked for waits this long for its approvals; then whoever asked must ask again. */
export const KEEP_ASKED_DEPLOYS_MS = 7 * 24 * 3_600_000;
/** Deployment history is kept this long (each environment's newest deployment for good). */
export const KEEP_DEPLOYMENTS_MS = 180 * 24 * 3_600_000;
const PRUNE_BATCH = 1000;

/** What the retry sweep runs on. */
export interface SweepParts {
  readonly store: Store;
  readonly now: () => Date;
  readonly openRepo: OpenRepoContext;
  readonly metrics: Metrics;
  readonly log: Logger;
}

/**
 * One pass of the retry sweep: each waiting deploy in its repository's context, the watchdog on
 * stuck deployments, then a batch each of processed deliveries and delivered notifications older
 * than a week, of deployments (and commit times) older than 180 days, of expired dashboard
 * sessions, of protection rule requests GitHub stopped waiting for (30 days), of asked deploys that
 * waited a week for approvals and of merge groups older than a day are pruned. Returns how many waiting deploys it retried.
 */
export async function sweepOnce(parts: SweepParts): Promise<number> {
  const swept = await sweepDuePending(parts.store, parts.now(), parts.openRepo, parts.log);
  await fireWatchdog(parts, parts.now());
  const now = parts.now().getTime();
  const deliveries = await parts.store.pruneDeliveries(new Date(now - KEEP_DELIVERIES_MS), PRUNE_BATCH);
  const deployments = await parts.store.pruneDeployments(new Date(now - KEEP_DEPLOYMENTS_MS), PRUNE_BATCH);
  await parts.store.pruneCommitTimes(new Date(now - KEEP_DEPLOYMENTS_MS), PRUNE_BATCH);
  const notifications = await parts.store.pruneNotifications(new Date(now - KEEP_DELIVERIES_MS), PRUNE_BATCH);
  await parts.store.pruneSessions(new Date(now), PRUNE_BATCH);
  await parts.store.pruneProtectionRequests(new Date(now - KEEP_PROTECTION_REQUESTS_MS), PRUNE_BATCH);
  await parts.store.pruneAskedDeploys(new Date(now - KEEP_ASKED_DEPLOYS_MS), PRUNE_BATCH);
  await parts.store.pruneMergeGroups(new Date(now - MERGE_GROUP_MEMORY_MS), PRUNE_BATCH);
  if (deliveries + deployments + notifications > 0) {
    parts.log.debug({ deliveries, deployments, notifications }, "pruned old deliveries, deployments and notifications");
  }
  return swept;
}

/** How often the sweep has the store refresh its planner statistics (PGlite: `ANALYZE`). */
export const STATISTICS_INTERVAL_MS = 3_600_000;

/** Runs the retry sweep every `intervalMs`, and the store's statistics hourly; returns a function that stops it. */
export function startRetrySweep(parts: SweepParts, intervalMs: number): () => void {
  let running = false;
  let statisticsAt = parts.now().getTime();
  const pass = async () => {
    await sweepOnce(parts);
    if (parts.now().getTime() - statisticsAt < STATISTICS_INTERVAL_MS) return;
    statisticsAt = parts.now().getTime();
    await parts.store.refreshStatistics();
  };
  const timer = setInterval(() => {
    // A slow sweep must not overlap the next one.
    if (running) return;
    running = true;
    pass()
      .catch((error: unknown) => parts.log.error({ err: error }, "retry sweep failed"))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
