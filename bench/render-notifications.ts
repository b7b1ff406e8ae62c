import type { BenchSettings } from "./bench-settings.js";
import { BACKEND_LABELS as LABELS, goalTable, type Measured } from "./goal-table.js";
import { NOTIFY_GOALS } from "./goals.js";
import { ms, num, table } from "./markdown.js";
import type { LatencyFigures, NotificationFigures } from "./summarise-notifications.js";

/** Section 5 of `RESULTS.md`: the cost of deployment notifications, their latency, and whether each arrived once. */
export function renderNotificationSection(s: BenchSettings, measured: readonly Measured[]): string {
  const done = measured.flatMap((o) =>
    o.figures.notifications.kind === "measured" ? [{ label: LABELS[o.backend], f: o.figures.notifications.figures }] : [],
  );
  const skipped = measured.flatMap((o) =>
    o.figures.notifications.kind === "skipped" ? [`${LABELS[o.backend]}: not measured: ${o.figures.notifications.reason}.`] : [],
  );
  const judged = measured.filter((o) => o.figures.notifications.kind === "measured");
  const cells = (value: (f: NotificationFigures) => string) => done.map(({ f }) => value(f));
  const arms = (value: (arm: NotificationFigures["off"]) => string) => done.flatMap(({ f }) => [value(f.off), value(f.on)]);
  const latency = (l: LatencyFigures) => `${ms(l.p50Ms)} / ${ms(l.p99Ms)} (${num(l.count)})`;

  return [
    "## 5. Deployment notifications",
    "",
    "Two `node lib/main.js` side by side, each on a fresh store, both with `NOTIFY_KEY` and `ADMIN_TOKEN`: *without* a notification " +
      "channel, and *with* one — registered through `POST /admin/notify` (a `webhook` channel for the repositories' owner) at a " +
      "`node:http` receiver in the bench process that answers 200 at once, and named under `notifications` in the four " +
      "repositories' `.github/deploy.yml` (served in both arms). Each is warmed up; then " +
      `${s.notifyRounds} round(s), each sending the same *burst* to one process then the other (without first, then with first, …), ` +
      `${num(s.notifyEvents)} webhooks over ${s.concurrency} keep-alive connections as fast as answered: the acknowledgement mix with ` +
      `${num(s.notifyDeployments)} deployments spread through it, each a \`deployment\` webhook then \`deployment_status\` ` +
      "`queued`, `in_progress`, `success` (real payloads), one after the other. *Acknowledged*: webhooks of the burst answered per " +
      "second; *processed*: webhooks of the burst per second from its first request until `/healthz` reported the queue empty; " +
      "*CPU per webhook*: user + system time over that span (`/proc/<pid>/stat`) of the app process (notification senders and " +
      "PGlite included) and, with PostgreSQL, of the server's processes on this machine. Figures are medians over the bursts, ratios " +
      "medians of the rounds' with / without. Then the process with the channel gets the *paced* phase: " +
      `${num(s.notifyPacedDeployments)} more deployments and ${num(4 * s.notifyPacedDeployments)} other webhooks at a third of ` +
      "the processing rate the process without reached on the bursts, a load its queue keeps up with. Each deployment is worth three notifications: " +
      "`deployment.created` (from the `deployment` webhook; `queued` means created too, and a channel hears each event of a " +
      "deployment once), `deployment.started`, `deployment.succeeded`. *Latency*: from writing the webhook's request to the " +
      "receiver getting the notification's headers.",
    "",
    ...(done.length === 0
      ? [skipped.join(" ") || "Not measured."]
      : [
          table(
            ["", ...done.flatMap(({ label }) => [`${label} without`, `${label} with`])],
            [
              ["acknowledged (webhooks/s)", ...arms((a) => num(a.ackRate))],
              ["acknowledgement p99 (ms)", ...arms((a) => ms(a.ackP99Ms))],
              ["processed (webhooks/s)", ...arms((a) => num(a.processingRate))],
              ["CPU per webhook, the app process (µs)", ...arms((a) => num(a.cpuUs))],
              [
                "CPU per webhook, PostgreSQL server (µs)",
                ...arms((a) => (a.databaseCpuUs === undefined ? "—" : num(a.databaseCpuUs))),
              ],
              ["CPU per webhook, this process: sender, fake GitHub, receiver (µs)", ...arms((a) => num(a.benchCpuUs))],
              ["answers other than 2xx", ...arms((a) => num(a.failed))],
            ],
          ),
          "",
          goalTable(NOTIFY_GOALS, judged),
          "",
          table(
            ["", ...done.map(({ label }) => label)],
            [
              ["with / without per round: acknowledged", ...cells((f) => ratios(f, (r) => r.ack))],
              ["with / without per round: processed", ...cells((f) => ratios(f, (r) => r.processing))],
              [
                "with / without per round: CPU per webhook of the app process; median",
                ...cells((f) => `${ratios(f, (r) => r.cpu)}; ${num(f.cpuRatio, 2)}×`),
              ],
              [
                "`deployment_status` → its notification, paced: p50 / p99 ms (count)",
                ...cells((f) => latency(f.latency.paced.status)),
              ],
              [
                "`deployment` → `deployment.created`, paced: p50 / p99 ms (count)",
                ...cells((f) => latency(f.latency.paced.created)),
              ],
              ["paced phase rate (webhooks/s)", ...cells((f) => num(f.pacedRate))],
              [
                "`deployment_status` → its notification, in the burst: p50 / p99 ms (count)",
                ...cells((f) => latency(f.latency.burst.status)),
              ],
              ["burst: last notification after the queue ran empty (ms)", ...cells((f) => ms(f.notifyLagMs))],
              ["config reads per deployment webhook, with a channel", ...cells((f) => configReads(f))],
              ["config reads of those repositories without a channel", ...cells((f) => num(f.offConfigReads))],
              [
                "notifications expected / received / missing / duplicated / unexpected / badly signed",
                ...cells(({ check: c }) =>
                  [c.expected, c.received, c.missing, c.duplicated, c.unexpected, c.badSignatures].map((n) => num(n)).join(" / "),
                ),
              ],
            ],
          ),
          ...(skipped.length === 0 ? [] : ["", skipped.join(" ")]),
          ...problems(done),
        ]),
  ].join("\n");
}

function ratios(f: NotificationFigures, of: (round: NotificationFigures["roundRatios"][number]) => number): string {
  return f.roundRatios.map((r) => `${num(of(r), 2)}×`).join(", ");
}

function configReads(f: NotificationFigures): string {
  const total = Object.values(f.configReads).reduce((a, b) => a + b, 0);
  const byStatus = Object.entries(f.configReads)
    .map(([status, n]) => `${num(n)}× ${status}`)
    .join(", ");
  return `${num(total / f.deploymentWebhooks, 2)} (${byStatus || "none"})`;
}

function problems(done: readonly { label: string; f: NotificationFigures }[]): string[] {
  const lines = done.flatMap(({ label, f }) => f.problems.map((p) => `- ${label}, ${p}`));
  return lines.length === 0 ? [] : ["", "**Notification problems** (the first of them):", "", ...lines];
}
