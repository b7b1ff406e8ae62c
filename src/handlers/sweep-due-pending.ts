import type { Logger } from "probot";
import type { OpenRepoContext } from "../deploy/repo-context.js";
import type { LockStore } from "../store/lock-store.js";
import type { PendingRecord, PendingStore } from "../store/pending-store.js";
import type { ProtectionRequestStore } from "../store/protection-request-store.js";
import { processCommit } from "./process-commit.js";

/** A commit of a repository something waits on, and the installation to open it as. */
type WaitingCommit = Pick<PendingRecord, "repoId" | "owner" | "repo" | "installationId" | "sha">;

/**
 * Retries the deploys whose creation GitHub could not take (5xx, rate limit, network) once their
 * retry time has come, wakes deploys and protection rule requests whose time came (a freeze's
 * end), and releases expired locks so what waits on them goes ahead. One commit is processed once
 * even when several things wait on it.
 */
export async function sweepDuePending(
  store: PendingStore & ProtectionRequestStore & LockStore,
  now: Date,
  openRepo: OpenRepoContext,
  log: Logger,
): Promise<number> {
  const due: WaitingCommit[] = [...(await store.listDuePending(now)), ...(await store.listDueProtectionRequests(now))];
  const expired = await store.releaseExpiredLocks(now);
  for (const repoId of new Set(expired.map((lock) => lock.repoId))) {
    due.push(...(await store.listPendingByRepo(repoId)), ...(await store.listProtectionRequests(repoId)));
  }
  const commits = new Map<string, WaitingCommit>();
  for (const pending of due) commits.set(`${pending.repoId} ${pending.sha}`, pending);

  for (const pending of commits.values()) {
    try {
      const repo = { id: pending.repoId, owner: pending.owner, name: pending.repo };
      const work = { log: log.child({ repo: `${repo.owner}/${repo.name}` }), origin: null };
      await processCommit(await openRepo({ repo, installationId: pending.installationId }, work), pending.sha);
    } catch (error) {
      log.warn({ err: error, repo: `${pending.owner}/${pending.repo}`, sha: pending.sha }, "retry of a waiting commit failed");
    }
  }
  return commits.size;
}
