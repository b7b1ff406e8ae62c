import type { BenchSettings } from "./bench-settings.js";
import { BACKEND_LABELS as LABELS, goalTable, type Measured } from "./goal-table.js";
import { DASHBOARD_GOALS } from "./goals.js";
import { ms, num, table } from "./markdown.js";
import { DASHBOARD_PAGES, type DashboardFigures, type DashboardPage } from "./measure-dashboard.js";

const PAGE_LABELS: Readonly<Record<DashboardPage, string>> = {
  static: "static page (sign-in, signed out)",
  floor: "signed-in floor (the page's version, JSON)",
  repository: "repository page",
  history: "history, first page",
  filtered: "history, filtered, second page",
};

/** Section 6 of `RESULTS.md`: the dashboard's pages on a long history. */
export function renderDashboardSection(s: BenchSettings, measured: readonly Measured[]): string {
  const done = measured.flatMap((o) =>
    o.figures.dashboard.kind === "measured" ? [{ label: LABELS[o.backend], f: o.figures.dashboard.figures }] : [],
  );
  const failed = measured.flatMap((o) =>
    o.figures.dashboard.kind === "failed" ? [`${LABELS[o.backend]}: not measured: ${o.figures.dashboard.reason}.`] : [],
  );
  const cells = (value: (f: DashboardFigures) => string) => done.map(({ f }) => value(f));
  return [
    "## 6. Dashboard pages",
    "",
    `A fresh store is seeded with ${num(s.dashboardDeployments)} deployments of one repository through the store's own API ` +
      "(90 days, four environments, five people, an `in_progress` and a final status each, checks on the newest commits), then " +
      "`node lib/main.js` starts on it with the dashboard on, and a writer signs in through the OAuth web flow of the fake GitHub. " +
      `After ${num(s.dashboardWarmup)} rounds of warm-up, ${num(s.dashboardLoads)} rounds load each page once, one request at a time ` +
      "over keep-alive, the pages taking turns to go first: the *static page* — the sign-in page a signed-out visitor gets, which " +
      "reads nothing —, the *signed-in floor* — the repository's version as the page's script polls it: the session and the version " +
      "read from the store, nothing rendered, what any signed-in page costs at least —, then the repository page (environments, in flight, waiting, locks, the default branch's 15 newest commits " +
      "with their checks and where each went, 20 latest deployments, the configuration), the history's first page (50 deployments) " +
      "and a filtered one (environment and state; page 2). Latency: from sending the request to the last byte of the page. " +
      "*Rate-limited calls*: requests to the fake GitHub but the token exchange and 304 answers, counted for the sign-in and first " +
      "loads (cold) and for every measured load (warm).",
    "",
    table(
      ["", ...done.map(({ label }) => label)],
      [
        ...DASHBOARD_PAGES.map((page) => [
          `${PAGE_LABELS[page]}: p50 / p95 (ms), size`,
          ...cells((f) => `${ms(f.pages[page].p50Ms)} / ${ms(f.pages[page].p95Ms)}, ${num(f.pages[page].bytes / 1024, 1)} KiB`),
        ]),
        ["filtered history page p95 / static p95", ...cells((f) => `${num(f.pages.filtered.ratio, 2)}×`)],
        [
          "repository, history page p95 / signed-in floor p95",
          ...cells(
            (f) =>
              `${num(f.pages.repository.p95Ms / f.pages.floor.p95Ms, 2)}×, ${num(f.pages.history.p95Ms / f.pages.floor.p95Ms, 2)}×`,
          ),
        ],
        ["rate-limited calls, sign-in and first loads", ...cells((f) => num(f.coldCalls))],
        ["seeding the store (s)", ...cells((f) => num(f.seedSeconds, 1))],
      ],
    ),
    "",
    goalTable(DASHBOARD_GOALS, measured),
    ...(failed.length === 0 ? [] : ["", ...failed]),
  ].join("\n");
}
