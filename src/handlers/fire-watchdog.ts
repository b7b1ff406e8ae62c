import type { Logger } from "probot";
import { formatDuration } from "../config/format-duration.js";
import { formatSentence } from "../config/format-sentence.js";
import type { OpenRepoContext, RepoContext } from "../deploy/repo-context.js";
import type { Metrics } from "../domain/metrics.js";
import { shortSha } from "../domain/short-sha.js";
import type { CreatedStatus } from "../github/create-deployment-status.js";
import { classifyGitHubFault } from "../github/github-fault.js";
import type { DeploymentStore } from "../store/deployment-store.js";
import type { DueWatch, WatchStore } from "../store/watch-store.js";
import { notifyDeployment } from "./notify-deployment.js";

/** How long a watchdog holds a watch it claimed before another may take it over (it died, or GitHub failed). */
export const WATCH_LEASE_MS = 5 * 60_000;
/** Watches fired in one pass at most; the rest wait for the next. */
const WATCHES_PER_PASS = 50;
/** Marks the watchdog's pull request comments. */
const WATCHDOG_HEADER = "<!-- deliverybot:watchdog -->";

/** What the watchdog works with. */
export interface WatchdogParts {
  readonly store: Pick<WatchStore, "claimDueWatches" | "endWatch"> & Pick<DeploymentStore, "recordDeploymentStatus">;
  readonly openRepo: OpenRepoContext;
  readonly metrics: Pick<Metrics, "watchdogFired">;
  readonly log: Logger;
}

/**
 * Fires the watchdog on the deployments Deliverybot created that are stuck: no status at all past
 * their `stuck_after`, or unfinished (`queued`, `pending`, `in_progress`) `timeout` after their
 * newest status. Each gets an
 * `error` status saying what happened and what to check, a `deployment.stuck` notification, and
 * the pull request it came from one comment. A watch is claimed by one watchdog (of any instance) and ended by the error status;
 * one that GitHub could not serve (5xx, rate limit, no answer) is tried again when its claim's lease
 * runs out, one GitHub refused ends (announced as `deployment.deleted` when GitHub no longer has
 * the deployment). Returns how many fired.
 */
export async function fireWatchdog(parts: WatchdogParts, now: Date): Promise<number> {
  const due = await parts.store.claimDueWatches(now, WATCH_LEASE_MS, WATCHES_PER_PASS);
  let fired = 0;
  for (const watch of due) {
    const log = parts.log.child({ repo: `${watch.owner}/${watch.repo}`, deployment: watch.deploymentId });
    try {
      const repo = { id: watch.repoId, owner: watch.owner, name: watch.repo };
      const deps = await parts.openRepo({ repo, installationId: watch.installationId }, { log, origin: null });
      if (await fire(parts, deps, watch)) fired += 1;
    } catch (error) {
      log.warn({ err: error }, "the watchdog could not mark a stuck deployment; it tries again later");
    }
  }
  return fired;
}

/** Marks one stuck deployment; false when GitHub refused (the deployment is gone) and the watch ended instead. */
async function fire(parts: WatchdogParts, deps: RepoContext, watch: DueWatch): Promise<boolean> {
  let status: CreatedStatus;
  try {
    status = await deps.github.createDeploymentStatus(watch.deploymentId, "error", statusDescription(watch));
  } catch (error) {
    const fault = classifyGitHubFault(error, deps.now());
    if (fault.kind !== "failed") throw error;
    // GitHub refused: trying again would be refused the same way. Not found means it was deleted.
    deps.log.warn({ err: error }, "GitHub refused the watchdog's status; the deployment is no longer watched");
    await parts.store.endWatch(watch.deploymentId);
    const deployment = await deps.store.getDeployment(watch.repoId, watch.deploymentId);
    if (isNotFound(error) && deployment !== undefined) await notifyDeployment(deps, deployment, "deleted", null);
    return false;
  }
  // The error status ends the watch: it is over at the next claim.
  const record = { ...status, deploymentId: watch.deploymentId, environmentUrl: null, logUrl: null };
  await parts.store.recordDeploymentStatus(record);
  parts.metrics.watchdogFired(watch.kind);
  deps.log.warn({ kind: watch.kind, environment: watch.environment }, "watchdog: marked a stuck deployment error");
  const deployment = await deps.store.getDeployment(watch.repoId, watch.deploymentId);
  if (deployment !== undefined) await notifyDeployment(deps, deployment, "stuck", record);
  if (watch.pr !== null) await deps.github.postComment(watch.pr, `${WATCHDOG_HEADER}\n${comment(watch)}`);
  return true;
}

function isNotFound(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return status === 404 || status === 410;
}

/** The `error` status's description: what happened and what to check, within GitHub's 140 characters. */
export function statusDescription(watch: Pick<DueWatch, "kind" | "state" | "stuckAfterMs" | "timeoutMs">): string {
  if (watch.kind === "stuck") {
    return `No status ${formatDuration(watch.stuckAfterMs)} after creation: did a workflow run on: deployment? Marked error by Deliverybot.`;
  }
  return `Still ${watch.state ?? "unfinished"} after ${formatDuration(watch.timeoutMs)}: check the deploy job's log. Marked error by Deliverybot.`;
}

function comment(watch: DueWatch): string {
  const what = `Deployment ${watch.deploymentId} of ${shortSha(watch.sha)} to ${watch.environment}`;
  if (watch.kind === "stuck") {
    return formatSentence(
      `${what} got no status within ${formatDuration(watch.stuckAfterMs)} of its creation, so Deliverybot marked it \`error\`. Did a workflow run \`on: deployment\`? Check the repository's Actions, or whatever ships its deployments.`,
    );
  }
  return formatSentence(
    `${what} was still \`${watch.state ?? "unfinished"}\` ${formatDuration(watch.timeoutMs)} after its last status, so Deliverybot marked it \`error\`. Check the deploy job's log: it may have hung, or died without reporting.`,
  );
}
