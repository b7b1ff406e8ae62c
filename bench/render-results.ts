import type { BenchSettings } from "./bench-settings.js";
import type { MachineDescription } from "./describe-machine.js";
import { BACKEND_LABELS as LABELS, goalTable, type Measured } from "./goal-table.js";
import { CALL_GOALS, INGEST_GOALS } from "./goals.js";
import { ms, num, table } from "./markdown.js";
import type { IngestFigures } from "./measure-ingest.js";
import { renderDashboardSection } from "./render-dashboard.js";
import { renderNotificationSection } from "./render-notifications.js";
import type { BackendFigures, BackendOutcome } from "./run-backend.js";

/** Everything one run produced. */
export interface BenchRun {
  readonly startedAt: Date;
  readonly durationS: number;
  readonly machine: MachineDescription;
  readonly settings: BenchSettings;
  /** The baseline process's resident memory at the end of the run. */
  readonly baselineRssMiB: number;
  readonly outcomes: readonly BackendOutcome[];
  /** The fake GitHub's unexpected requests and OpenAPI violations over the whole run. */
  readonly problems: readonly string[];
}

/** `bench/RESULTS.md`: the run's header, then one section per measure with its goals. */
export function renderResults(run: BenchRun): string {
  const measured = run.outcomes.filter((o): o is Measured => o.kind === "measured");
  const columns = measured.map((o) => LABELS[o.backend]);
  const cell = (value: (f: BackendFigures) => string) => measured.map((o) => value(o.figures));
  const { settings: s, machine: m } = run;

  return [
    "# Deliverybot benchmarks",
    "",
    `Written by \`npm run bench\` on ${run.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC in ${Math.round(run.durationS)} s` +
      `${s.quick ? " (**BENCH_QUICK: reduced sizes, not comparable**)" : ""}; every run overwrites it. ` +
      "[README.md](README.md) explains each figure. Ratios compare the app with a baseline measured in the same run.",
    "",
    table(
      ["", ""],
      [
        ["Machine", `${m.cpu}, ${m.cores} cores, ${num(m.memoryGiB, 1)} GiB memory`],
        ["OS", m.os],
        ["Node.js", m.node],
        ["Commit", m.commit],
        [
          "Load average (1 min) at start / end",
          `${num(m.loadAtStart, 2)} / ${num(m.loadAtEnd, 2)} (other processes compete for the cores above this)`,
        ],
        ...(s.customApp ? [["App", `\`${s.appScript}\` (BENCH_APP), not this checkout's build`]] : []),
        ["Webhook processing", describeProcessing(measured)],
        ...run.outcomes.map((o) => [LABELS[o.backend], o.kind === "measured" ? o.location : `not measured: ${o.reason}`]),
        [
          "Fake GitHub",
          run.problems.length === 0
            ? "no unexpected requests, no request breaking GitHub's OpenAPI description"
            : `${run.problems.length} problem(s), listed at the end`,
        ],
      ],
    ),
    "",
    `## 1. Webhook acknowledgement`,
    "",
    `${num(s.ingestEvents)} signed webhooks (\`push\`, \`status\`, \`check_run\` from \`@octokit/webhooks-examples\`, 7–12 KB, ` +
      `each with its own \`X-GitHub-Delivery\`) over ${s.concurrency} keep-alive connections, in ${s.ingestRounds} round(s) per backend ` +
      `after ${num(s.ingestWarmup)} for warm-up. A round sends the batch to the baseline — a bare \`node:http\` process that only ` +
      "verifies `X-Hub-Signature-256`, running all along, warmed up with " +
      `${num(s.baselineWarmup)} webhooks before anything was measured — then to the *store floor* — the baseline plus parsing each ` +
      "payload and storing it with the app's own intake (routing, group commit, store), in a store of its own on the same backend, nothing " +
      "else — and then to the app, which finishes processing it before the next round. Figures are medians over the rounds; a ratio is " +
      "the median of the rounds' ratios. *CPU per webhook*: user + system " +
      "time of the process (`/proc/<pid>/stat`) over the batch, and for PostgreSQL that of the server's processes on this machine. " +
      `*Processed, sustained*: webhooks processed per second from the start of the top-up to ${num(s.memoryEvents)} webhooks ` +
      "(section 4) until the queue was empty.",
    "",
    table(
      ["", ...measured.flatMap((o) => [LABELS[o.backend], "store floor", "baseline"])],
      [
        ["p50 latency (ms)", ...ingestCells(measured, (f) => ms(f.p50Ms))],
        ["p99 latency (ms)", ...ingestCells(measured, (f) => ms(f.p99Ms))],
        ["throughput (webhooks/s)", ...ingestCells(measured, (f) => num(f.throughput))],
        ["CPU per webhook, the process (µs)", ...ingestCells(measured, (f) => num(f.cpuUs))],
        [
          "CPU per webhook, PostgreSQL server (µs)",
          ...ingestCells(measured, (f) => (f.databaseCpuUs === undefined ? "—" : num(f.databaseCpuUs))),
        ],
        ["answers other than 2xx", ...ingestCells(measured, (f) => num(f.failed))],
        [
          "processed, sustained (webhooks/s)",
          ...measured.flatMap((o) => [
            o.figures.memory.processingRate === undefined ? "—" : num(o.figures.memory.processingRate),
            "—",
            "—",
          ]),
        ],
      ],
    ),
    "",
    goalTable(INGEST_GOALS, measured),
    "",
    "The store floor against the same baseline — what any app that stores a webhook before answering it could reach here, at best: " +
      measured
        .map(
          (o) =>
            `${LABELS[o.backend]} p99 ${num(o.figures.ingest.floorP99Ratio, 2)}×, throughput ${num(o.figures.ingest.floorThroughputRatio, 2)}×`,
        )
        .join("; ") +
      ".",
    "",
    "## 2. Rate-limited GitHub calls per event",
    "",
    `A fresh app (empty caches) gets ${num(s.noActionEvents)} webhooks that need no action (pushes to branches no target deploys and ` +
      "to repositories without configuration, deleted branches, statuses and check runs of commits nothing waits on, check suites, " +
      "other people's deployments and deployment statuses, pull requests without a `pr` target, plain comments), then " +
      `${s.flows} gated auto-deploys on repositories it has not seen, each step processed before the next: push to main → check run ` +
      "`ci/test` created → completed, which creates the deployment; then GitHub's `deployment` webhook for it and the workflow's " +
      "`deployment_status` `in_progress` and `success`. The flow repositories' configuration has a release policy: `production` has " +
      "freezes (dated windows long past and far ahead: not in force while the bench runs) and `paths` that the push's files let " +
      "through (the payload lists them, `commits[].modified`, so nothing is compared), and a promotion target, `production-eu` " +
      "(`promote_from: production`, `soak: 30m`): each flow's `success` starts a promotion, which waits for its soak. " +
      `${num(s.noActionEvents + flowEvents(measured) * s.flows)} webhooks in all. ` +
      "Counted: every request to the fake GitHub except the token exchange and 304 answers.",
    "",
    goalTable(CALL_GOALS, measured),
    "",
    flowStepTable(measured),
    "",
    ...measured.flatMap((o) => [
      `${LABELS[o.backend]}: no-action phase ${breakdown(o.figures.calls.noActionBreakdown)}; ` +
        `flows ${breakdown(o.figures.calls.flowBreakdown)}; ${o.figures.calls.flowsDeployed} of ${o.figures.calls.flows} flows deployed; ` +
        `${describeDecisions(o.figures.calls.flowDecisions, o.figures.calls.flows)}; ` +
        `${o.figures.calls.failed} webhooks not answered 2xx.`,
      "",
    ]),
    "## 3. Push → deployment request",
    "",
    "A push to `main` of a repository whose target has `required_contexts: []` (deploys without waiting for checks), one at a time: " +
      `${s.e2eRuns} runs after one warm-up, each starting at least 1.1 s after the previous deployment, because Probot spaces the ` +
      "writes of one installation at least 1 s apart and that spacing would be measured instead. From sending the " +
      "webhook to the fake GitHub receiving `POST /repos/{owner}/{repo}/deployments`. No goal was set.",
    "",
    table(
      ["", ...columns],
      [
        ["p50 (ms)", ...cell((f) => ms(f.e2e.p50Ms))],
        [`p99 (ms; of ${s.e2eRuns} runs, so the slowest)`, ...cell((f) => ms(f.e2e.p99Ms))],
        ["the push's acknowledgement, p50 (ms)", ...cell((f) => ms(f.e2e.ackP50Ms))],
        ["runs without a deployment within 20 s", ...cell((f) => num(f.e2e.missed))],
      ],
    ),
    "",
    "## 4. Memory and start-up",
    "",
    `Resident memory (\`VmRSS\` from \`/proc/<pid>/status\`) once the app has received and processed ${num(s.memoryEvents)} webhooks; ` +
      "start-up from spawning `node lib/main.js` to the first `GET /healthz` 200. No goal was set; the bare `node:http` baseline " +
      `process used ${num(run.baselineRssMiB)} MiB.`,
    "",
    table(
      ["", ...columns],
      [
        ["RSS after the webhooks (MiB)", ...cell((f) => num(f.memory.rssMiB))],
        ["peak RSS (MiB)", ...cell((f) => num(f.memory.peakMiB))],
        ["cold start on an empty store (ms)", ...cell((f) => ms(f.coldStartMs))],
        ["restart on the same store (ms)", ...cell((f) => ms(f.restartMs))],
      ],
    ),
    "",
    renderNotificationSection(s, measured),
    "",
    renderDashboardSection(s, measured),
    ...(run.problems.length === 0 ? [] : ["", "## Fake GitHub problems", "", ...run.problems.slice(0, 50).map((p) => `- ${p}`)]),
    "",
  ].join("\n");
}

/** Per backend, the app's figure, the store floor's and the baseline's (measured in the same rounds). */
function ingestCells(measured: readonly Measured[], cell: (figures: IngestFigures) => string): string[] {
  return measured.flatMap(({ figures: { ingest } }) => [cell(ingest.app), cell(ingest.floor), cell(ingest.baseline)]);
}

/** Webhooks of one gated flow (one per step). */
function flowEvents(measured: readonly Measured[]): number {
  return measured[0]?.figures.calls.flowEvents ?? 0;
}

/** The gated flows step by step: each step's rate-limited calls and 304 answers over all flows, per backend. */
function flowStepTable(measured: readonly Measured[]): string {
  const steps = measured[0]?.figures.calls.flowSteps ?? [];
  return table(
    [
      `step (all ${measured[0]?.figures.calls.flows ?? 0} flows)`,
      ...measured.flatMap((o) => [`${LABELS[o.backend]}: calls`, "304 answers (free)"]),
    ],
    steps.map((step, index) => [
      step.step,
      ...measured.flatMap((o) => {
        const figures = o.figures.calls.flowSteps[index];
        return figures === undefined ? ["—", "—"] : [num(figures.calls), num(figures.notModified)];
      }),
    ]),
  );
}

/** The promotions left waiting for their soak, and every decision the flows led to (from the app's `/metrics`). */
function describeDecisions(decisions: Readonly<Record<string, number>> | undefined, flows: number): string {
  if (decisions === undefined) return "decisions not known (the app serves no `/metrics`)";
  const listed = Object.entries(decisions).map(([reason, count]) => `${count}× \`${reason}\``);
  return `${decisions["waiting_for_soak"] ?? 0} of ${flows} promotions waiting for their soak (decisions: ${listed.join(", ") || "none"})`;
}

function breakdown(byRoute: Readonly<Record<string, number>>): string {
  const entries = Object.entries(byRoute);
  return entries.length === 0 ? "no calls" : entries.map(([route, count]) => `${count}× \`${route}\``).join(", ");
}

function describeProcessing(measured: readonly Measured[]): string {
  const modes = new Set(measured.map((o) => o.figures.drainMode));
  if (modes.size === 0) return "—";
  if (modes.has("queue")) return "queued: acknowledged once stored, processed by workers (`/healthz` reports the queue)";
  return "synchronous: processed before the HTTP answer (`/healthz` reports no queue; the end of processing is 1 s without a GitHub call)";
}
