import type { Probot } from "probot";
import type { AppParts } from "./app.js";
import { createGitHubPort } from "./github/github-port.js";
import { sweepDuePending } from "./handlers/sweep-due-pending.js";

const SWEEP_INTERVAL_MS = 30_000;
/** Processed deliveries are kept this long: GitHub lets a delivery be redelivered for a few days. */
export const KEEP_DELIVERIES_MS = 7 * 24 * 3_600_000;
const PRUNE_BATCH = 1000;

/**
 * One pass of the retry sweep, authenticated as each waiting deploy's installation, then a batch of
 * processed deliveries older than a week is pruned.
 */
export async function sweepOnce(app: Probot, parts: AppParts): Promise<number> {
  const swept = await sweepDuePending(
    parts.store,
    parts.now(),
    async (pending) => {
      const repo = { id: pending.repoId, owner: pending.owner, name: pending.repo };
      const github = createGitHubPort(await app.auth(pending.installationId), repo, parts.caches);
      const log = app.log.child({ repo: `${repo.owner}/${repo.name}` });
      return { store: parts.store, github, log, now: parts.now, repo, installationId: pending.installationId, deliveryId: null };
    },
    app.log,
  );
  await parts.store.pruneDeliveries(new Date(parts.now().getTime() - KEEP_DELIVERIES_MS), PRUNE_BATCH);
  return swept;
}

/** Runs the retry sweep every 30 s; returns a function that stops it. */
export function startRetrySweep(app: Probot, parts: AppParts): () => void {
  let running = false;
  const timer = setInterval(() => {
    // A slow sweep must not overlap the next one.
    if (running) return;
    running = true;
    sweepOnce(app, parts)
      .catch((error: unknown) => app.log.error({ err: error }, "retry sweep failed"))
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
