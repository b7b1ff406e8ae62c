import { randomBytes } from "node:crypto";
import { startApp, type BenchContext } from "./app-under-test.js";
import type { BackendName, PreparedBackend } from "./backends.js";
import { measureCalls, type CallFigures } from "./measure-calls.js";
import { measureDashboard, type DashboardOutcome } from "./measure-dashboard.js";
import { measureE2e, type E2eFigures } from "./measure-e2e.js";
import { measureMemory, type MemoryFigures } from "./measure-footprint.js";
import { measureAppIngest, startFloor, type IngestComparison, type ReferenceServer } from "./measure-ingest.js";
import { measureNotifications, type NotificationOutcome } from "./measure-notifications.js";
import { nowMs } from "./send-webhooks.js";
import { drainModeOf, type DrainMode } from "./wait-for-drain.js";

/** Everything measured on one backend. */
export interface BackendFigures {
  readonly coldStartMs: number;
  readonly restartMs: number;
  readonly drainMode: DrainMode;
  readonly calls: CallFigures;
  readonly e2e: E2eFigures;
  readonly ingest: IngestComparison;
  readonly memory: MemoryFigures;
  readonly notifications: NotificationOutcome;
  readonly dashboard: DashboardOutcome;
}

/** A backend's figures, or why there are none. */
export type BackendOutcome =
  | { readonly kind: "measured"; readonly backend: BackendName; readonly location: string; readonly figures: BackendFigures }
  | { readonly kind: "skipped"; readonly backend: BackendName; readonly reason: string };

/**
 * One app process on an empty store: cold start, then (caches still cold) the rate-limit mix, the
 * end-to-end runs, the acknowledgement rounds (with the baseline, and the store floor on `floorStore`), memory after `memoryEvents`
 * webhooks (their top-up measures the sustained processing rate); then a restart on the same store;
 * then the cost of deployment notifications, on app processes and stores of its own (`prepareStore`);
 * then the dashboard's pages on a store seeded with a long history (another fresh store).
 */
export async function runBackend(
  context: BenchContext,
  backend: PreparedBackend,
  references: {
    readonly baseline: ReferenceServer;
    readonly floorStore: PreparedBackend;
    readonly prepareStore: () => Promise<PreparedBackend>;
  },
  progress: (line: string) => void,
): Promise<BackendOutcome> {
  // `/metrics` on, so the calls measure can read the decisions the flows led to.
  const metricsToken = randomBytes(32).toString("hex");
  const app = await startApp(context, backend, { METRICS_TOKEN: metricsToken });
  const unused = await backend.unused();
  if (unused !== undefined) {
    await app.process.stop();
    return { kind: "skipped", backend: backend.name, reason: unused };
  }
  let measured: Omit<BackendFigures, "restartMs" | "notifications" | "dashboard">;
  try {
    progress(`  cold start ${app.process.startMs.toFixed(0)} ms; rate-limited calls on the event mix…`);
    const drainMode = await drainModeOf(app.process.url);
    const calls = await measureCalls(context, app, metricsToken);
    progress(`  end-to-end push → deployment (${context.settings.e2eRuns} runs)…`);
    const e2e = await measureE2e(context, app);
    const { ingestRounds, ingestEvents } = context.settings;
    progress(
      `  acknowledgement latency and throughput (${ingestRounds} × ${ingestEvents} webhooks, with the baseline and the store floor)…`,
    );
    const floor = await startFloor(context, references.floorStore);
    const ingest = await measureAppIngest(
      context,
      app,
      { baseline: references.baseline, floor },
      backend.name === "postgres",
    ).finally(() => floor.process.stop());
    progress(`  memory after ${context.settings.memoryEvents} webhooks…`);
    const memory = await measureMemory(context, app, { at: nowMs(), sent: app.sent });
    measured = { coldStartMs: app.process.startMs, drainMode, calls, e2e, ingest, memory };
  } finally {
    await app.process.stop();
  }
  const restarted = await startApp(context, backend);
  const restartMs = restarted.process.startMs;
  await restarted.process.stop();
  const { notifyRounds, notifyEvents } = context.settings;
  progress(
    `  deployment notifications (two apps on fresh stores, without and with a channel; ${notifyRounds} × ${notifyEvents} webhooks each)…`,
  );
  const notifications = await measureNotifications(context, references.prepareStore, progress);
  if (notifications.kind === "skipped") progress(`  notifications skipped: ${notifications.reason}`);
  progress(`  dashboard pages (${context.settings.dashboardDeployments} deployments in a fresh store)…`);
  const dashboard = await measureDashboard(context, references.prepareStore).catch((error: unknown): DashboardOutcome => ({
    kind: "failed",
    reason: error instanceof Error ? error.message : String(error),
  }));
  if (dashboard.kind === "failed") progress(`  dashboard not measured: ${dashboard.reason}`);
  const figures = { ...measured, restartMs, notifications, dashboard };
  return { kind: "measured", backend: backend.name, location: backend.location, figures };
}
