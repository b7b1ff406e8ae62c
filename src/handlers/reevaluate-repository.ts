import type { RepoContext } from "../deploy/repo-context.js";
import { processCommit } from "./process-commit.js";

/** Re-evaluates every deploy and protection rule request waiting in the repository, e.g. after a lock was released. */
export async function reevaluateRepository(deps: RepoContext): Promise<void> {
  const [pending, requests] = await Promise.all([
    deps.store.listPendingByRepo(deps.repo.id),
    deps.store.listProtectionRequests(deps.repo.id),
  ]);
  const commits = new Set([...pending.map((deploy) => deploy.sha), ...requests.map((request) => request.sha)]);
  for (const sha of commits) await processCommit(deps, sha);
}
