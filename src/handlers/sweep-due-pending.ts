import type { Logger } from "probot";
import type { OpenRepoContext } from "../deploy/repo-context.js";
import type { LockStore } from "../store/lock-store.js";
import type { PendingRecord, PendingStore } from "../store/pending-store.js";
import { processCommit } from "./process-commit.js";

/**
 * Retries the deploys whose creation GitHub could not take (5xx, rate limit, network) once their
 * retry time has come, and releases expired locks so the deploys waiting on them go ahead. One
 * commit is processed once even when several of its targets are due.
 */
export async function sweepDuePending(
  store: PendingStore & LockStore,
  now: Date,
  openRepo: OpenRepoContext,
  log: Logger,
): Promise<number> {
  const due = await store.listDuePending(now);
  const expired = await store.releaseExpiredLocks(now);
  for (const repoId of new Set(expired.map((lock) => lock.repoId))) due.push(...(await store.listPendingByRepo(repoId)));
  const commits = new Map<string, PendingRecord>();
  for (const pending of due) commits.set(`${pending.repoId} ${pending.sha}`, pending);

  for (const pending of commits.values()) {
    try {
      const repo = { id: pending.repoId, owner: pending.owner, name: pending.repo };
      const work = { log: log.child({ repo: `${repo.owner}/${repo.name}` }), origin: null };
      await processCommit(await openRepo({ repo, installationId: pending.installationId }, work), pending.sha);
    } catch (error) {
      log.warn({ err: error, repo: `${pending.owner}/${pending.repo}`, sha: pending.sha }, "retry of a pending deploy failed");
    }
  }
  return commits.size;
}
