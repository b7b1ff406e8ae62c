/** The windows the metrics are computed over, in days. */
export const DORA_WINDOWS = [7, 30, 90] as const;
export type DoraWindow = (typeof DORA_WINDOWS)[number];

/**
 * History read before the window: a rollback is recognised by a commit that succeeded earlier, and
 * a commit's lead time is counted at its first successful deployment only.
 */
export const DORA_CONTEXT_DAYS = 30;

const DAY_MS = 86_400_000;

/** A deployment status as the metrics read it. */
export interface DoraStatus {
  /** GitHub's id: statuses arrive out of order, the highest id is the newest. */
  readonly id: number;
  readonly state: string;
  readonly createdAt: Date;
}

/** A deployment of one repository, with its statuses and, when a push told it, its commit's time. */
export interface DoraDeployment {
  readonly id: number;
  readonly environment: string;
  readonly sha: string;
  readonly createdAt: Date;
  readonly commitTime: Date | null;
  readonly statuses: readonly DoraStatus[];
}

/** One UTC day of the window: deployments created that day that succeeded, and that failed. */
export interface DoraDay {
  /** The day's start (UTC midnight), in epoch milliseconds. */
  readonly startMs: number;
  readonly succeeded: number;
  readonly failed: number;
}

/** A median and 90th percentile (null when there is nothing to measure), and how many were measured. */
export interface DoraDurations {
  readonly count: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

/** The four keys over one window; see {@link computeDora} for their exact definitions. */
export interface DoraMetrics {
  readonly days: DoraWindow;
  /** The window: `days` whole UTC days, the current one last; epoch milliseconds, end excluded. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly frequency: { readonly succeeded: number; readonly perDay: number };
  readonly leadTime: DoraDurations & { readonly unknownCommitTime: number };
  readonly changeFailure: {
    readonly finished: number;
    readonly failed: number;
    readonly rolledBack: number;
    readonly rate: number | null;
  };
  readonly timeToRestore: DoraDurations & { readonly unrestored: number };
  readonly daily: readonly DoraDay[];
}

type Outcome =
  | { readonly kind: "succeeded"; readonly atMs: number }
  | { readonly kind: "failed"; readonly atMs: number }
  | { readonly kind: "unfinished" };

/** The states that move a deployment along; `inactive` only says a later one replaced it, unknown states say nothing. */
const PROGRESS_STATES = new Set(["queued", "pending", "in_progress", "success", "failure", "error"]);
const FAILED_STATES = new Set(["failure", "error"]);

/** The start of the window (UTC midnight, `days - 1` days before the current day), in epoch milliseconds. */
export function doraWindowStartMs(now: Date, days: DoraWindow): number {
  return (Math.floor(now.getTime() / DAY_MS) - (days - 1)) * DAY_MS;
}

/**
 * The four DORA keys of one repository (one environment, or all of them) over the last `days` UTC
 * days, the current one included. `deployments` may reach back before the window: that history is
 * read as context, only deployments created in the window are counted. Each environment's
 * deployments are read in the order they were created (then by id).
 *
 * - A deployment's outcome is its newest status by id among the progress states: `success`
 *   succeeded (at its first `success` status), `failure`/`error` failed (at that status),
 *   anything else is unfinished and not counted. `inactive` is ignored (GitHub marks a replaced
 *   successful deployment so).
 * - Deployment frequency: succeeded deployments, and that count per day of the window.
 * - Lead time for changes: commit time to the first `success` of the first successful deployment
 *   of that commit to that environment (a redeploy or rollback is not a new change); commits
 *   whose time is unknown are left out and counted; a commit time after the success counts as 0.
 * - Change failure rate: deployments that failed or were rolled back, over those that finished.
 *   A succeeded deployment is rolled back when a later deployment of its environment, made while
 *   it was still the newest success there, ships a different commit that had succeeded there
 *   before it: the environment went back (a `/rollback`, or anyone's redeploy of an older commit).
 * - Time to restore: from a failure to the first `success` of the next deployment of that
 *   environment that succeeded. Consecutive failures are one outage, timed from the first (and
 *   counted in the window its deployment was created in); one not restored yet is counted apart.
 */
export function computeDora(deployments: readonly DoraDeployment[], window: { now: Date; days: DoraWindow }): DoraMetrics {
  const { days } = window;
  const fromMs = doraWindowStartMs(window.now, days);
  const toMs = fromMs + days * DAY_MS;
  const counted = byEnvironment(deployments)
    .flatMap(readEnvironment)
    .filter(({ deployment }) => deployment.createdAt.getTime() >= fromMs && deployment.createdAt.getTime() < toMs);
  const succeeded = counted.filter((read) => read.outcome.kind === "succeeded");
  const failed = counted.filter((read) => read.outcome.kind === "failed");
  const rolledBack = succeeded.filter((read) => read.rolledBack).length;
  const leadTimes = succeeded.flatMap((read) => (typeof read.leadTimeMs === "number" ? [read.leadTimeMs] : []));
  const outages = counted.filter((read) => read.restoredAfterMs !== undefined);
  const restored = outages.flatMap((read) => (typeof read.restoredAfterMs === "number" ? [read.restoredAfterMs] : []));
  const finished = succeeded.length + failed.length;
  return {
    days,
    fromMs,
    toMs,
    frequency: { succeeded: succeeded.length, perDay: succeeded.length / days },
    leadTime: { ...summarize(leadTimes), unknownCommitTime: succeeded.filter((read) => read.leadTimeMs === null).length },
    changeFailure: {
      finished,
      failed: failed.length,
      rolledBack,
      rate: finished === 0 ? null : (failed.length + rolledBack) / finished,
    },
    timeToRestore: { ...summarize(restored), unrestored: outages.length - restored.length },
    daily: tallyDays(fromMs, days, succeeded, failed),
  };
}

/** Per UTC day of the window, how many of the deployments created that day succeeded and failed. */
function tallyDays(
  fromMs: number,
  days: number,
  succeeded: readonly ReadDeployment[],
  failed: readonly ReadDeployment[],
): DoraDay[] {
  const daily = Array.from({ length: days }, (_, index) => ({ startMs: fromMs + index * DAY_MS, succeeded: 0, failed: 0 }));
  const dayOf = (read: ReadDeployment) => daily[Math.floor((read.deployment.createdAt.getTime() - fromMs) / DAY_MS)];
  for (const read of succeeded) {
    const day = dayOf(read);
    if (day !== undefined) day.succeeded += 1;
  }
  for (const read of failed) {
    const day = dayOf(read);
    if (day !== undefined) day.failed += 1;
  }
  return daily;
}

/** One deployment with what its environment's history says of it. */
interface ReadDeployment {
  readonly deployment: DoraDeployment;
  readonly outcome: Outcome;
  /** It succeeded, then a later deployment took the environment back to an older commit. */
  readonly rolledBack: boolean;
  /** Set on the first successful deployment of a commit: its lead time, null when the commit time is unknown. */
  readonly leadTimeMs?: number | null;
  /** Set on the failure that began an outage: how long until the environment succeeded again, null while it has not. */
  readonly restoredAfterMs?: number | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Each environment's deployments, oldest first (by creation, then id). */
function byEnvironment(deployments: readonly DoraDeployment[]): DoraDeployment[][] {
  const groups = new Map<string, DoraDeployment[]>();
  for (const d of deployments) {
    const group = groups.get(d.environment);
    if (group === undefined) groups.set(d.environment, [d]);
    else group.push(d);
  }
  const order = (a: DoraDeployment, b: DoraDeployment) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
  return [...groups.values()].map((group) => group.sort(order));
}

/**
 * One environment's deployments, oldest first, read in order: each one's outcome, whether a later
 * deployment rolled it back, the lead time of each commit's first success, and each outage from
 * its first failure to the next success.
 */
function readEnvironment(history: readonly DoraDeployment[]): ReadDeployment[] {
  const read: Mutable<ReadDeployment>[] = [];
  const succeededShas = new Set<string>();
  let newestSuccess: Mutable<ReadDeployment> | undefined;
  let outage: { readonly atMs: number; readonly firstFailure: Mutable<ReadDeployment> } | undefined;
  for (const deployment of history) {
    const outcome = outcomeOf(deployment.statuses);
    // Back to a commit that had succeeded before the newest success: that one was rolled back.
    if (newestSuccess !== undefined && deployment.sha !== newestSuccess.deployment.sha && succeededShas.has(deployment.sha)) {
      newestSuccess.rolledBack = true;
    }
    const entry: Mutable<ReadDeployment> = { deployment, outcome, rolledBack: false };
    read.push(entry);
    if (outcome.kind === "failed" && outage === undefined) {
      entry.restoredAfterMs = null;
      outage = { atMs: outcome.atMs, firstFailure: entry };
    }
    if (outcome.kind !== "succeeded") continue;
    if (outage !== undefined) {
      outage.firstFailure.restoredAfterMs = Math.max(0, outcome.atMs - outage.atMs);
      outage = undefined;
    }
    if (!succeededShas.has(deployment.sha)) {
      const { commitTime } = deployment;
      entry.leadTimeMs = commitTime === null ? null : Math.max(0, outcome.atMs - commitTime.getTime());
    }
    succeededShas.add(deployment.sha);
    newestSuccess = entry;
  }
  return read;
}

/** Where a deployment ended: its newest progress status by id decides. */
function outcomeOf(statuses: readonly DoraStatus[]): Outcome {
  const sorted = statuses.filter((s) => PROGRESS_STATES.has(s.state)).sort((a, b) => a.id - b.id);
  const newest = sorted.at(-1);
  if (newest === undefined) return { kind: "unfinished" };
  if (FAILED_STATES.has(newest.state)) return { kind: "failed", atMs: newest.createdAt.getTime() };
  if (newest.state !== "success") return { kind: "unfinished" };
  const first = sorted.find((s) => s.state === "success") ?? newest;
  return { kind: "succeeded", atMs: first.createdAt.getTime() };
}

/** The median and 90th percentile, interpolated between the closest ranks. */
function summarize(values: readonly number[]): DoraDurations {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const below = sorted[Math.floor(rank)] ?? 0;
  const above = sorted[Math.ceil(rank)] ?? below;
  return below + (above - below) * (rank - Math.floor(rank));
}
