import type { BackendFigures } from "./run-backend.js";

/** A goal a figure is judged against. */
export interface Goal {
  readonly label: string;
  /** The figure as shown, e.g. `1.4×`. */
  value(figures: BackendFigures): number;
  readonly unit: string;
  readonly digits: number;
  pass(value: number): boolean;
}

/** The acknowledgement goals: ratios to the baseline, measured in pairs in the same run. */
export const INGEST_GOALS: readonly Goal[] = [
  {
    label: "p99 latency ≤ 2× baseline",
    value: (f) => f.ingest.p99Ratio,
    unit: "×",
    digits: 2,
    pass: (v) => v <= 2,
  },
  {
    label: "throughput ≥ 0.5× baseline",
    value: (f) => f.ingest.throughputRatio,
    unit: "×",
    digits: 2,
    pass: (v) => v >= 0.5,
  },
];

/**
 * Whether every flow did what it measures: deployed once, and (when the app's decisions are known)
 * left its promotion waiting for the soak.
 */
function flowsComplete(f: BackendFigures): boolean {
  const { flows, flowsDeployed, flowDecisions } = f.calls;
  return flowsDeployed === flows && (flowDecisions === undefined || flowDecisions["waiting_for_soak"] === flows);
}

/** The rate-limit goals: calls per no-action event, and per gated auto-deploy under a release policy. */
export const CALL_GOALS: readonly Goal[] = [
  {
    label: "no-action events: calls / event ≤ 0.05",
    value: (f) => f.calls.noActionCalls / f.calls.noActionEvents,
    unit: "",
    digits: 3,
    pass: (v) => v <= 0.05,
  },
  {
    label:
      "gated auto-deploy with freezes, paths and a promotion (push → check run created → completed → deployment, its statuses): calls / flow ≤ 2",
    value: (f) => (flowsComplete(f) ? f.calls.flowCalls / f.calls.flows : NaN),
    unit: "",
    digits: 2,
    pass: (v) => v <= 2,
  },
];

/** The figures of the notification measure, or none when it was skipped. */
function notified(f: BackendFigures) {
  return f.notifications.kind === "measured" ? f.notifications.figures : undefined;
}

/**
 * The cost of deployment notifications: the same webhooks with a channel registered against
 * without, each arm a fresh process on a fresh store, compared round by round; and every expected
 * notification received once, nothing else.
 */
export const NOTIFY_GOALS: readonly Goal[] = [
  {
    label: "acknowledgement throughput with notifications ≥ 0.9× without",
    value: (f) => notified(f)?.ackRatio ?? NaN,
    unit: "×",
    digits: 3,
    pass: (v) => v >= 0.9,
  },
  {
    label: "processing throughput with notifications ≥ 0.9× without",
    value: (f) => notified(f)?.processingRatio ?? NaN,
    unit: "×",
    digits: 3,
    pass: (v) => v >= 0.9,
  },
  {
    label: "notifications missing, duplicated, unexpected or badly signed = 0",
    value: (f) => {
      const check = notified(f)?.check;
      return check === undefined ? NaN : check.missing + check.duplicated + check.unexpected + check.badSignatures;
    },
    unit: "",
    digits: 0,
    pass: (v) => v === 0,
  },
];

/** The dashboard measure's figures, or none when it failed. */
function dashboard(f: BackendFigures) {
  return f.dashboard.kind === "measured" ? f.dashboard.figures : undefined;
}

/** The dashboard on a long history: pages against a static page of the same server, and GitHub calls once warm. */
export const DASHBOARD_GOALS: readonly Goal[] = [
  {
    label: "repository page p95 ≤ 2× the static page's",
    value: (f) => dashboard(f)?.pages.repository.ratio ?? NaN,
    unit: "×",
    digits: 2,
    pass: (v) => v <= 2,
  },
  {
    label: "history page p95 ≤ 2× the static page's",
    value: (f) => dashboard(f)?.pages.history.ratio ?? NaN,
    unit: "×",
    digits: 2,
    pass: (v) => v <= 2,
  },
  {
    label: "rate-limited GitHub calls of the warm loads = 0",
    value: (f) => dashboard(f)?.warmCalls ?? NaN,
    unit: "",
    digits: 0,
    pass: (v) => v === 0,
  },
];
