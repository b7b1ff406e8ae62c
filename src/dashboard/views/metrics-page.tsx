import type { ComponentChildren } from "preact";
import { DORA_WINDOWS, type DoraMetrics, type DoraWindow } from "../../engine/compute-dora.js";
import { BarChart } from "./bar-chart.js";
import { Layout, type Viewer } from "./layout.js";

/** What the metrics page shows: the four keys of one window, of one environment or all. */
export interface MetricsView {
  readonly owner: string;
  readonly name: string;
  readonly days: DoraWindow;
  /** Undefined: every environment. */
  readonly environment: string | undefined;
  readonly environments: readonly string[];
  readonly metrics: DoraMetrics;
  /** The history was longer than one read: only the newest deployments were counted. */
  readonly truncated: boolean;
}

/** Shown where a key cannot be computed (nothing to measure). */
const NONE = "—";

/** The four DORA keys as boxes with their numbers and units, the daily chart, and how each is counted. */
export function MetricsPage(props: { readonly viewer: Viewer; readonly view: MetricsView }) {
  const { view } = props;
  const { metrics } = view;
  const base = `/dashboard/${encodeURIComponent(view.owner)}/${encodeURIComponent(view.name)}`;
  const link = (days: DoraWindow) =>
    `${base}/metrics?${new URLSearchParams({ window: String(days), ...(view.environment === undefined ? {} : { environment: view.environment }) })}`;
  const scope = view.environment ?? "all environments";
  const { leadTime, changeFailure, timeToRestore, frequency } = metrics;
  return (
    <Layout title={`Metrics · ${view.owner}/${view.name}`} viewer={props.viewer}>
      <nav class="mb-3 color-fg-muted">
        <a href="/dashboard">Repositories</a> / {view.owner} / <a href={base}>{view.name}</a> / <strong>metrics</strong>
      </nav>
      <h1 class="h3 mb-3">
        Delivery metrics: {scope}, last {view.days} days
      </h1>
      <div class="d-flex flex-wrap flex-items-center gap-3 mb-3">
        <nav class="BtnGroup" aria-label="Window">
          {DORA_WINDOWS.map((days) => (
            <a
              key={days}
              class={days === view.days ? "btn btn-sm BtnGroup-item btn-primary" : "btn btn-sm BtnGroup-item"}
              href={link(days)}
              aria-current={days === view.days ? "page" : undefined}
            >
              {days} days
            </a>
          ))}
        </nav>
        <form method="get" action={`${base}/metrics`} class="d-flex flex-items-center gap-2" data-testid="environment-filter">
          <input type="hidden" name="window" value={String(view.days)} />
          <label class="d-flex flex-items-center gap-1">
            Environment
            <select class="form-select input-sm" name="environment">
              <option value="">all</option>
              {view.environments.map((environment) => (
                <option value={environment} selected={environment === view.environment} key={environment}>
                  {environment}
                </option>
              ))}
            </select>
          </label>
          <button class="btn btn-sm" type="submit">
            Show
          </button>
        </form>
      </div>
      {view.truncated ? (
        <div class="flash flash-warn mb-3" role="status">
          This history is longer than one read: only the newest deployments were counted.
        </div>
      ) : null}
      <div class="d-flex flex-wrap gap-3 mb-4">
        <Key id="frequency" label="Deployment frequency" value={formatRate(frequency.perDay)} unit="per day">
          {frequency.succeeded} successful {plural(frequency.succeeded, "deployment")} in {view.days} days
        </Key>
        <Key id="lead-time" label="Lead time for changes" value={formatDuration(leadTime.medianMs)} unit="median">
          90th percentile {formatDuration(leadTime.p90Ms)} · {leadTime.count} {plural(leadTime.count, "change")}
          {leadTime.unknownCommitTime === 0 ? null : `, ${leadTime.unknownCommitTime} without a known commit time`}
        </Key>
        <Key
          id="change-failure"
          label="Change failure rate"
          value={formatPercent(changeFailure.rate)}
          unit="of finished deployments"
        >
          {changeFailure.failed} failed, {changeFailure.rolledBack} rolled back, of {changeFailure.finished}
        </Key>
        <Key id="time-to-restore" label="Time to restore" value={formatDuration(timeToRestore.medianMs)} unit="median">
          {timeToRestore.count} {plural(timeToRestore.count, "outage")} restored
          {timeToRestore.unrestored === 0 ? null : `, ${timeToRestore.unrestored} not yet`}
        </Key>
      </div>
      <section class="Box p-3 mb-4">
        <h2 class="h4 mb-2">Deployments per day</h2>
        <BarChart id="daily" title={`Deployments per day, ${scope}, last ${view.days} days`} days={metrics.daily} />
        <p class="text-small color-fg-muted mb-0">
          <span class="color-fg-success">■</span> succeeded <span class="color-fg-danger ml-2">■</span> failed
        </p>
      </section>
      <details class="color-fg-muted text-small">
        <summary>How these are counted</summary>
        <ul class="ml-3 mt-2">
          <li>
            A deployment counts in the UTC day it was created. Its newest status (by GitHub's id) says whether it succeeded (
            <code>success</code>) or failed (<code>failure</code>, <code>error</code>); others are unfinished and not counted.
          </li>
          <li>Lead time: from the commit's time (from the push that brought it) to the first success of that commit there.</li>
          <li>
            Rolled back: a later deployment took the environment back to a commit that had succeeded before it (a /rollback, or
            anyone's redeploy of an older commit).
          </li>
          <li>
            Time to restore: from a failure to the next successful deployment of that environment; failures in a row are one
            outage.
          </li>
        </ul>
      </details>
    </Layout>
  );
}

function Key(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly children: ComponentChildren;
}) {
  return (
    <section class="Box p-3 flex-auto" data-testid={`key-${props.id}`}>
      <h2 class="f5 color-fg-muted text-normal mb-1">{props.label}</h2>
      <div>
        <span class="f1 text-bold" data-testid="value">
          {props.value}
        </span>{" "}
        {props.value === NONE ? null : <span class="color-fg-muted">{props.unit}</span>}
      </div>
      <div class="text-small color-fg-muted mt-1">{props.children}</div>
    </section>
  );
}

/** Deployments per day: whole above 10, one decimal above 1, two below. */
export function formatRate(perDay: number): string {
  if (perDay >= 10) return String(Math.round(perDay));
  if (perDay >= 1) return String(Math.round(perDay * 10) / 10);
  return String(Math.round(perDay * 100) / 100);
}

/** A share as a whole percentage; "—" when nothing finished. */
export function formatPercent(rate: number | null): string {
  return rate === null ? NONE : `${Math.round(rate * 100)}%`;
}

/** A duration in its two largest units: "45s", "12m", "3h 20m", "2d 4h"; "—" when there is nothing to measure. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NONE;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
