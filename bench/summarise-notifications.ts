import type { BenchContext } from "./app-under-test.js";
import { NOTIFIED } from "./bench-repos.js";
import type { ArmKind, PhaseFigures } from "./notify-arm.js";
import { p50p99 } from "./stats.js";
import type { NotificationTally, TimedExpectation } from "./tally-notifications.js";

/** p50 and p99 of a set of latencies, and how many there were. */
export interface LatencyFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly count: number;
}

/** Figures of one arm: a burst's figures, each the median over its bursts (answers other than 2xx summed). */
export type ArmSummary = Pick<
  PhaseFigures,
  "ackRate" | "ackP99Ms" | "processingRate" | "cpuUs" | "databaseCpuUs" | "benchCpuUs" | "failed"
>;

/** How the arms with notifications compare with those without, and what the channel received. */
export interface NotificationFigures {
  readonly rounds: number;
  /** Webhooks and deployments (4 webhooks each) of each arm's burst. */
  readonly events: number;
  readonly deployments: number;
  readonly off: ArmSummary;
  readonly on: ArmSummary;
  /** Medians of the rounds' on / off ratios (each round's two bursts ran back to back). */
  readonly ackRatio: number;
  readonly processingRatio: number;
  /**
   * The same for the app process's CPU per webhook (PGlite included; the PostgreSQL server's is left
   * out, as other users of the server count there too): the cost, however busy the machine was.
   */
  readonly cpuRatio: number;
  readonly roundRatios: readonly { readonly ack: number; readonly processing: number; readonly cpu: number }[];
  /** From sending the webhook to the notification arriving: the paced phase, and the bursts pooled. */
  readonly latency: {
    readonly paced: { readonly status: LatencyFigures; readonly created: LatencyFigures };
    readonly burst: { readonly status: LatencyFigures; readonly created: LatencyFigures };
  };
  /** Rate of the paced phase (webhooks/s); from the queue running empty to a burst's last notification (ms, median). */
  readonly pacedRate: number;
  readonly notifyLagMs: number;
  /** Reads of the notified repositories' `.github/deploy.yml` by answer status, in the arms with notifications and without. */
  readonly configReads: Readonly<Record<string, number>>;
  readonly offConfigReads: number;
  readonly deploymentWebhooks: number;
  /** A clean run has every expected notification once, nothing else. */
  readonly check: {
    readonly expected: number;
    readonly received: number;
    readonly missing: number;
    readonly duplicated: number;
    readonly unexpected: number;
    readonly badSignatures: number;
  };
  readonly problems: readonly string[];
}

/**
 * The figures of the notification measure: per arm the medians over its bursts, the medians of the
 * rounds' with / without ratios, latencies from the tally, the config reads within each arm's phases.
 */
export function summariseNotifications(
  context: BenchContext,
  rounds: readonly Record<ArmKind, PhaseFigures>[],
  last: { readonly paced: PhaseFigures; readonly pacedRate: number; readonly tally: NotificationTally },
): NotificationFigures {
  const { tally } = last;
  const roundRatios = rounds.map((r) => ({
    ack: r.on.ackRate / r.off.ackRate,
    processing: r.on.processingRate / r.off.processingRate,
    cpu: r.on.cpuUs / r.off.cpuUs,
  }));
  const onPhases = [...rounds.map((r) => r.on), last.paced];
  const latency = (phase: TimedExpectation["phase"], created: boolean) =>
    latencyFigures(
      tally.arrived
        .filter(({ expectation: e }) => e.phase === phase && (e.statusId === null) === created)
        .map(({ expectation, at }) => at - expectation.sentAt),
    );
  return {
    rounds: rounds.length,
    events: context.settings.notifyEvents,
    deployments: context.settings.notifyDeployments,
    off: summariseArms(rounds.map((r) => r.off)),
    on: summariseArms(rounds.map((r) => r.on)),
    ackRatio: median(roundRatios.map((r) => r.ack)),
    processingRatio: median(roundRatios.map((r) => r.processing)),
    cpuRatio: median(roundRatios.map((r) => r.cpu)),
    roundRatios,
    latency: {
      paced: { status: latency("paced", false), created: latency("paced", true) },
      burst: { status: latency("burst", false), created: latency("burst", true) },
    },
    pacedRate: last.pacedRate,
    notifyLagMs: median(rounds.map((r) => r.on.notifyLagMs)),
    configReads: configReads(context, onPhases),
    offConfigReads: Object.values(
      configReads(
        context,
        rounds.map((r) => r.off),
      ),
    ).reduce((a, b) => a + b, 0),
    deploymentWebhooks: onPhases.reduce((total, phase) => total + phase.deploymentWebhooks, 0),
    check: {
      expected: tally.expected,
      received: tally.received,
      missing: tally.missing,
      duplicated: tally.duplicated,
      unexpected: tally.unexpected,
      badSignatures: tally.badSignatures,
    },
    problems: tally.problems,
  };
}

/** Reads of the notified repositories' `.github/deploy.yml` within the phases' windows, by answer status. */
function configReads(context: BenchContext, phases: readonly PhaseFigures[]): Record<string, number> {
  const notified = new Set(NOTIFIED.map((r) => `${r.owner}/${r.name}`));
  const byStatus: Record<string, number> = {};
  for (const request of context.github.requests) {
    if (request.repo === undefined || !notified.has(request.repo) || !request.route.includes("/contents/")) continue;
    if (!phases.some(({ window: [from, to] }) => request.at >= from && request.at <= to)) continue;
    byStatus[String(request.status)] = (byStatus[String(request.status)] ?? 0) + 1;
  }
  return byStatus;
}

function summariseArms(arms: readonly PhaseFigures[]): ArmSummary {
  return {
    ackRate: median(arms.map((a) => a.ackRate)),
    ackP99Ms: median(arms.map((a) => a.ackP99Ms)),
    processingRate: median(arms.map((a) => a.processingRate)),
    cpuUs: median(arms.map((a) => a.cpuUs)),
    benchCpuUs: median(arms.map((a) => a.benchCpuUs)),
    ...(arms.some((a) => a.databaseCpuUs !== undefined)
      ? { databaseCpuUs: median(arms.map((a) => a.databaseCpuUs ?? NaN)) }
      : {}),
    failed: arms.reduce((total, a) => total + a.failed, 0),
  };
}

function latencyFigures(samples: readonly number[]): LatencyFigures {
  const { p50, p99 } = p50p99(samples);
  return { p50Ms: p50, p99Ms: p99, count: samples.length };
}

/** The middle value; of an even number of values, the mean of the two middle ones (two rounds: their mean). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  if (sorted.length % 2 === 1) return sorted[half] ?? NaN;
  return ((sorted[half - 1] ?? NaN) + (sorted[half] ?? NaN)) / 2;
}
