import type { ServerResponse } from "node:http";
import { computeDora, DORA_CONTEXT_DAYS, DORA_WINDOWS, doraWindowStartMs, type DoraWindow } from "../engine/compute-dora.js";
import type { VisibleRepository } from "../github/user-github.js";
import { METRICS_DEPLOYMENT_LIMIT } from "../store/deployment-store.js";
import type { DashboardParts } from "./dashboard-parts.js";
import { sendPage } from "./send-page.js";
import type { SignedIn } from "./signed-in.js";
import { MetricsPage } from "./views/metrics-page.js";

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW: DoraWindow = 30;

/** What the query string asks the metrics page for. */
export interface MetricsQuery {
  readonly days: DoraWindow;
  /** Undefined: every environment. */
  readonly environment: string | undefined;
}

/** `window=7|30|90` (30 otherwise), `environment=` (any non-empty name up to 255 characters; every environment otherwise). */
export function readMetricsQuery(query: URLSearchParams): MetricsQuery {
  const days = DORA_WINDOWS.find((window) => String(window) === query.get("window")) ?? DEFAULT_WINDOW;
  const environment = query.get("environment")?.trim() ?? "";
  return { days, environment: environment === "" || environment.length > 255 ? undefined : environment };
}

/**
 * `GET /dashboard/<owner>/<repo>/metrics`: the four DORA keys of the repository (one environment,
 * or all) over 7, 30 or 90 days, with the daily chart. Two store queries for the history (the
 * window and the 30 days before it, read as context) and one for the environments.
 */
export async function showMetrics(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  query: URLSearchParams,
): Promise<void> {
  const { days, environment } = readMetricsQuery(query);
  const now = parts.now();
  const since = new Date(doraWindowStartMs(now, days) - DORA_CONTEXT_DAYS * DAY_MS);
  const [deployments, environments] = await Promise.all([
    parts.store.listDeploymentsForMetrics(repo.id, environment, since),
    parts.store.listEnvironments(repo.id),
  ]);
  const view = {
    owner: repo.owner,
    name: repo.name,
    days,
    environment,
    environments,
    metrics: computeDora(deployments, { now, days }),
    truncated: deployments.length >= METRICS_DEPLOYMENT_LIMIT,
  };
  sendPage(res, 200, <MetricsPage viewer={signedIn.viewer} view={view} />, parts.settings.github.web);
}
