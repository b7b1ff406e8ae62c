import { randomBytes } from "node:crypto";
import { startApp, type BenchContext } from "./app-under-test.js";
import type { PreparedBackend } from "./backends.js";
import { BENCH_OAUTH, BOARD } from "./bench-repos.js";
import { signInOverHttp, type PageLoad } from "./dashboard-session.js";
import { seedHistory } from "./seed-history.js";
import { nowMs } from "./send-webhooks.js";
import { percentile } from "./stats.js";

/**
 * The pages measured: a static page of the same server; the signed-in floor (the page's version, as
 * its script polls it: the session and the version read from the store, nothing rendered); then
 * the pages the goal is about.
 */
export const DASHBOARD_PAGES = ["static", "floor", "repository", "history", "filtered"] as const;
export type DashboardPage = (typeof DASHBOARD_PAGES)[number];

/** One page's latencies over the measured loads. */
export interface PageFigures {
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** p95 over the static page's p95. */
  readonly ratio: number;
  readonly bytes: number;
}

/** What the dashboard measure found on one backend. */
export interface DashboardFigures {
  readonly deployments: number;
  readonly seedSeconds: number;
  readonly loadsPerPage: number;
  readonly pages: Readonly<Record<DashboardPage, PageFigures>>;
  /** Rate-limited GitHub calls of the sign-in and the first loads (cold caches). */
  readonly coldCalls: number;
  /** Rate-limited GitHub calls of every measured load (warm caches): the goal is none. */
  readonly warmCalls: number;
}

/** The dashboard measure's figures, or what stopped it (its goals then fail). */
export type DashboardOutcome =
  { readonly kind: "measured"; readonly figures: DashboardFigures } | { readonly kind: "failed"; readonly reason: string };

const VIEWER = "bench-lead";
const BASE = `/dashboard/${BOARD.owner}/${BOARD.name}`;
/** The path of each page; the static one is the sign-in page a signed-out visitor gets. */
const PATHS: Readonly<Record<DashboardPage, string>> = {
  static: "/dashboard",
  floor: `${BASE}/version`,
  repository: BASE,
  history: `${BASE}/deployments`,
  filtered: `${BASE}/deployments?environment=production&lifecycle=succeeded&page=2`,
};
/** What each page must show, or the load does not count as rendered. */
const EXPECTED: Readonly<Record<DashboardPage, string>> = {
  static: "Sign in with GitHub",
  floor: '"version"',
  repository: 'data-testid="commits"',
  history: "data-deployment=",
  filtered: "data-deployment=",
};

/**
 * The dashboard on a store holding `dashboardDeployments` deployments of {@link BOARD}: a fresh
 * store is seeded, the app started on it with the dashboard on, a writer signed in through the
 * OAuth flow; then, after a warm-up, each page is loaded `dashboardLoads` times, the pages taking
 * turns, one request at a time. The static page (the sign-in page, which reads nothing) is loaded
 * without the session. GitHub calls are counted at the fake, cold and warm.
 */
export async function measureDashboard(
  context: BenchContext,
  prepareStore: () => Promise<PreparedBackend>,
): Promise<DashboardOutcome> {
  const { settings, github } = context;
  const backend = await prepareStore();
  try {
    const seeded = await seedHistory(backend.env, BOARD.id, settings.dashboardDeployments, context.random);
    github.setCommits(
      `${BOARD.owner}/${BOARD.name}`,
      seeded.commits.map((sha, index) => ({ sha, message: `Change ${40 - index}\n\nDetails.`, login: "alice" })),
    );
    github.grantUser(VIEWER, `${BOARD.owner}/${BOARD.name}`, "write");
    github.signInAs(VIEWER);
    const app = await startApp(context, backend, {
      GITHUB_CLIENT_ID: BENCH_OAUTH.clientId,
      GITHUB_CLIENT_SECRET: BENCH_OAUTH.clientSecret,
      SESSION_KEY: randomBytes(32).toString("base64url"),
    });
    try {
      const coldSince = nowMs();
      const session = await signInOverHttp(app.process.url);
      const load = async (page: DashboardPage): Promise<PageLoad> => {
        const loaded =
          page === "static" ? await timedFetch(`${app.process.url}${PATHS.static}`) : await session.load(PATHS[page]);
        if (loaded.status !== 200 || !loaded.body.includes(EXPECTED[page]))
          throw new Error(`dashboard: ${PATHS[page]} answered ${loaded.status} without ${EXPECTED[page]}`);
        return loaded;
      };
      for (const page of DASHBOARD_PAGES) await load(page);
      const coldCalls = github.countRequests({ since: coldSince, rateLimited: true });
      for (let round = 0; round < settings.dashboardWarmup; round += 1) for (const page of DASHBOARD_PAGES) await load(page);

      const warmSince = nowMs();
      const samples = new Map<DashboardPage, number[]>(DASHBOARD_PAGES.map((page) => [page, []]));
      const bytes = new Map<DashboardPage, number>();
      for (let round = 0; round < settings.dashboardLoads; round += 1) {
        // Each page goes first as often as the others.
        const order = DASHBOARD_PAGES.map((_, index) => DASHBOARD_PAGES[(round + index) % DASHBOARD_PAGES.length] ?? "static");
        for (const page of order) {
          const loaded = await load(page);
          samples.get(page)?.push(loaded.ms);
          bytes.set(page, Buffer.byteLength(loaded.body));
        }
      }
      const warmCalls = github.countRequests({ since: warmSince, rateLimited: true });
      const staticP95 = percentile(samples.get("static") ?? [], 95);
      const figure = (page: DashboardPage): PageFigures => {
        const values = samples.get(page) ?? [];
        const p95Ms = percentile(values, 95);
        return { p50Ms: percentile(values, 50), p95Ms, ratio: p95Ms / staticP95, bytes: bytes.get(page) ?? 0 };
      };
      const pages = Object.fromEntries(DASHBOARD_PAGES.map((page) => [page, figure(page)])) as Record<DashboardPage, PageFigures>;
      return {
        kind: "measured",
        figures: {
          deployments: seeded.deployments,
          seedSeconds: seeded.seconds,
          loadsPerPage: settings.dashboardLoads,
          pages,
          coldCalls,
          warmCalls,
        },
      };
    } finally {
      await app.process.stop();
    }
  } finally {
    github.signInAs(null);
    await backend.dispose();
  }
}

async function timedFetch(url: string): Promise<PageLoad> {
  const started = nowMs();
  const response = await fetch(url);
  const body = await response.text();
  return { status: response.status, ms: nowMs() - started, body };
}
