import type { Probot } from "probot";
import type { AppParts } from "./app.js";
import { createGitHubPort } from "./github/github-port.js";
import { sweepDuePending } from "./handlers/sweep-due-pending.js";

const SWEEP_INTERVAL_MS = 30_000;

/** Runs the retry sweep every 30 s; returns a function that stops it. */
export function startRetrySweep(app: Probot, parts: AppParts): () => void {
  let running = false;
  const timer = setInterval(() => {
    // A slow sweep must not overlap the next one.
    if (running) return;
    running = true;
    sweepDuePending(
      parts.store,
      parts.now(),
      async (pending) => {
        const repo = { id: pending.repoId, owner: pending.owner, name: pending.repo };
        const octokit = await app.auth(pending.installationId);
        const log = app.log.child({ repo: `${repo.owner}/${repo.name}` });
        const github = createGitHubPort(octokit, repo, parts.cache);
        return { store: parts.store, github, log, now: parts.now, repo, installationId: pending.installationId, deliveryId: null };
      },
      app.log,
    )
      .catch((error: unknown) => app.log.error({ err: error }, "retry sweep failed"))
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
