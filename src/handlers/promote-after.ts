import type { RepoContext } from "../deploy/repo-context.js";
import type { DeploymentRecord } from "../domain/deployments.js";
import type { Lifecycle } from "../domain/lifecycle.js";
import { selectPromotions } from "../engine/select-promotions.js";
import type { PendingRecord } from "../store/pending-store.js";
import { processCommit } from "./process-commit.js";

/**
 * After a deployment or one of its statuses: when one Deliverybot created succeeded, every target
 * that promotes from its environment gets the commit as a waiting promotion; then the promotions
 * waiting on that environment are decided again (a failure there, or another commit deployed there,
 * drops them; a soak sets when they are decided next). Costs one store query when nothing waits
 * and the deployment did not succeed; otherwise a conditional read of the configuration (free,
 * and at most every few seconds per repository), and nothing more when no target promotes from
 * that environment.
 */
export async function promoteAfter(deps: RepoContext, deployment: DeploymentRecord, lifecycle: Lifecycle): Promise<void> {
  // Deliverybot's own deployments start promotions when they succeed (another tool's success
  // costs nothing); any deployment or status can stop the promotions already waiting.
  const starts = lifecycle === "succeeded" && deployment.trigger !== null && deployment.trigger !== "external";
  const waiting = (await deps.store.listPendingByRepo(deps.repo.id)).filter((pending) => pending.trigger === "promotion");
  if (!starts && waiting.length === 0) return;
  const loaded = await deps.github.loadRecentConfig();
  if (loaded.kind !== "ok") return;
  const downstream = selectPromotions(loaded.config, deps.repo, deployment.environment, deployment.sha);
  if (downstream.length === 0) return;
  if (starts) {
    for (const target of downstream) await deps.store.savePending(promotion(deps, target.name, deployment));
  }
  const names = new Set(downstream.map((target) => target.name));
  const commits = new Set(waiting.filter((pending) => names.has(pending.target)).map((pending) => pending.sha));
  if (starts) commits.add(deployment.sha);
  for (const sha of commits) await processCommit(deps, sha);
}

/** The commit of an upstream deployment, waiting to be promoted to `target`. */
function promotion(deps: RepoContext, target: string, deployment: DeploymentRecord): PendingRecord {
  const { repo } = deps;
  return {
    repoId: repo.id,
    owner: repo.owner,
    repo: repo.name,
    installationId: deps.installationId,
    target,
    ref: deployment.ref,
    sha: deployment.sha,
    pr: null,
    trigger: "promotion",
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
  };
}
