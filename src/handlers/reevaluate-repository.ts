import type { RepoContext } from "../deploy/repo-context.js";
import { processCommit } from "./process-commit.js";

/** Re-evaluates every deploy waiting in the repository, e.g. after a lock was released. */
export async function reevaluateRepository(deps: RepoContext): Promise<void> {
  const pending = await deps.store.listPendingByRepo(deps.repo.id);
  for (const sha of new Set(pending.map((deploy) => deploy.sha))) await processCommit(deps, sha);
}
