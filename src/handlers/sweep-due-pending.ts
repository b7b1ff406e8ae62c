import type { Logger } from "probot";
import type { PendingRecord, Store } from "../store/store.js";
import type { HandlerDeps } from "./handler-deps.js";
import { processCommit } from "./process-commit.js";

/**
 * Retries the deploys whose creation GitHub could not take (5xx, rate limit, network) once their
 * retry time has come, and releases expired locks so the deploys waiting on them go ahead. One
 * commit is processed once even when several of its targets are due.
 */
export async function sweepDuePending(
  store: Store,
  now: Date,
  depsFor: (pending: PendingRecord) => Promise<HandlerDeps>,
  log: Logger,
): Promise<number> {
  const due = await store.listDuePending(now);
  const expired = await store.releaseExpiredLocks(now);
  for (const repoId of new Set(expired.map((lock) => lock.repoId))) due.push(...(await store.listPendingByRepo(repoId)));
  const commits = new Map<string, PendingRecord>();
  for (const pending of due) commits.set(`${pending.repoId} ${pending.sha}`, pending);

  for (const pending of commits.values()) {
    try {
      await processCommit(await depsFor(pending), pending.sha);
    } catch (error) {
      log.warn({ err: error, repo: `${pending.owner}/${pending.repo}`, sha: pending.sha }, "retry of a pending deploy failed");
    }
  }
  return commits.size;
}
