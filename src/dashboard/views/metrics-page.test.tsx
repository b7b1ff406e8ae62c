import type { ServerResponse } from "node:http";
import { describe, expect, it, jest } from "@jest/globals";
import { render } from "preact-render-to-string";
import type { DoraMetrics } from "../../engine/compute-dora.js";
import type { MetricsDeployment } from "../../store/deployment-store.js";
import type { DashboardParts } from "../dashboard-parts.js";
import { readMetricsQuery, showMetrics } from "../metrics-route.js";
import type { SignedIn } from "../signed-in.js";
import { formatDuration, MetricsPage, type MetricsView } from "./metrics-page.js";

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const viewer = { login: "alice", avatarUrl: "https://avatars.githubusercontent.com/u/1", csrf: "csrf-token" };
const FIRST_DAY = Date.parse("2026-12-01T00:00:00Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A week: 10 succeeded and 3 failed over four days with deployments (6 bars: 4 succeeded, 2 failed). */
const metrics: DoraMetrics = {
  days: 7,
  fromMs: FIRST_DAY,
  toMs: FIRST_DAY + 7 * DAY,
  frequency: { succeeded: 10, perDay: 10 / 7 },
  leadTime: { count: 8, medianMs: 3 * HOUR + 20 * 60_000, p90Ms: 52 * HOUR, unknownCommitTime: 2 },
  changeFailure: { finished: 13, failed: 3, rolledBack: 1, rate: 4 / 13 },
  timeToRestore: { count: 0, medianMs: null, p90Ms: null, unrestored: 1 },
  daily: [
    [3, 0],
    [0, 1],
    [0, 0],
    [4, 2],
    [0, 0],
    [2, 0],
    [1, 0],
  ].map(([succeeded = 0, failed = 0], index) => ({ startMs: FIRST_DAY + index * DAY, succeeded, failed })),
};

const view = (fields: Partial<MetricsView> = {}): MetricsView => ({
  owner: "acme",
  name: "shop",
  days: 7,
  environment: "production",
  environments: ["production", "staging"],
  metrics,
  truncated: false,
  ...fields,
});

/** The text of the key box with that test id, tags removed. */
function keyText(html: string, id: string): string {
  const start = html.indexOf(`data-testid="key-${id}"`);
  const end = html.indexOf("</section>", start);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, "")
    .replace(/^[^>]*>/, "");
}

describe("MetricsPage", () => {
  it("shows the four keys with their numbers and units, and — for what cannot be computed", () => {
    const html = render(<MetricsPage viewer={viewer} view={view()} />);

    expect(keyText(html, "frequency")).toContain("1.4 per day");
    expect(keyText(html, "frequency")).toContain("10 successful deployments in 7 days");
    expect(keyText(html, "lead-time")).toContain("3h 20m median");
    expect(keyText(html, "lead-time")).toContain("90th percentile 2d 4h · 8 changes, 2 without a known commit time");
    expect(keyText(html, "change-failure")).toContain("31% of finished deployments");
    expect(keyText(html, "change-failure")).toContain("3 failed, 1 rolled back, of 13");
    expect(keyText(html, "time-to-restore")).toContain("—");
    expect(keyText(html, "time-to-restore")).not.toContain("median");
    expect(keyText(html, "time-to-restore")).toContain("0 outages restored, 1 not yet");
  });

  it("draws one bar per day and outcome with deployments, in an accessible SVG with axis labels", () => {
    const html = render(<MetricsPage viewer={viewer} view={view()} />);

    expect(html.match(/data-series="succeeded"/g)).toHaveLength(4);
    expect(html.match(/data-series="failed"/g)).toHaveLength(2);
    expect(html).toContain('role="img" aria-labelledby="daily-title daily-desc"');
    expect(html).toContain('<title id="daily-title">Deployments per day, production, last 7 days</title>');
    expect(html).toContain("10 succeeded and 3 failed over 7 days, 2026-12-01 to 2026-12-07 (UTC); the busiest day had 6.");
    expect(html).toContain("<title>2026-12-04: 2 failed</title>");
    expect(html).toContain("day (UTC)");
    expect(html).not.toMatch(/style=/);
  });

  it("draws no bar for a window without deployments", () => {
    const empty = { ...metrics, daily: metrics.daily.map((day) => ({ ...day, succeeded: 0, failed: 0 })) };

    const html = render(<MetricsPage viewer={viewer} view={view({ metrics: empty })} />);

    expect(html).not.toContain("<rect");
    expect(html).toContain("the busiest day had 0.");
  });

  it("renders a hostile environment name as text, and encodes it in the window links", () => {
    const html = render(<MetricsPage viewer={viewer} view={view({ environment: HOSTILE, environments: [HOSTILE] })} />);

    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x onerror=alert(1)>");
    expect(html).toContain(`href="/dashboard/acme/shop/metrics?window=30&amp;${new URLSearchParams({ environment: HOSTILE })}"`);
  });

  it("marks the window shown and keeps it in the environment form", () => {
    const html = render(<MetricsPage viewer={viewer} view={view({ environment: undefined })} />);

    expect(html).toContain(
      'class="btn btn-sm BtnGroup-item btn-primary" href="/dashboard/acme/shop/metrics?window=7" aria-current="page"',
    );
    expect(html).toContain('<input type="hidden" name="window" value="7"/>');
    expect(html).toContain("Delivery metrics: all environments, last 7 days");
  });
});

describe("the metrics page's query and durations", () => {
  it.each([
    ["", { days: 30, environment: undefined }],
    ["window=7&environment=production", { days: 7, environment: "production" }],
    ["window=90&environment=%20", { days: 90, environment: undefined }],
    ["window=365", { days: 30, environment: undefined }],
    [`window=7&environment=${"x".repeat(256)}`, { days: 7, environment: undefined }],
  ])("reads %j", (query, expected) => {
    expect(readMetricsQuery(new URLSearchParams(query))).toEqual(expected);
  });

  it.each([
    [null, "—"],
    [44_600, "45s"],
    [12 * 60_000, "12m"],
    [47 * HOUR + 59 * 60_000, "47h 59m"],
    [52 * HOUR, "2d 4h"],
  ])("formats %p ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("showMetrics", () => {
  it("reads the window and the 30 days before it from the store, and answers the page", async () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const success = (id: number, at: string) => ({ id, state: "success", createdAt: new Date(at) });
    const deployments: MetricsDeployment[] = [
      {
        id: 1,
        environment: "production",
        sha: "a".repeat(40),
        createdAt: new Date("2026-12-06T10:00:00Z"),
        commitTime: new Date("2026-12-06T09:00:00Z"),
        statuses: [success(11, "2026-12-06T10:30:00Z")],
      },
    ];
    const listDeploymentsForMetrics = jest.fn<DashboardParts["store"]["listDeploymentsForMetrics"]>(async () => deployments);
    const parts = {
      store: { listDeploymentsForMetrics, listEnvironments: async () => ["production"] },
      now: () => now,
      settings: { github: { web: "https://github.com" } },
    } as unknown as DashboardParts;
    const sent: { status?: number; body?: string } = {};
    const res = {
      writeHead: (status: number) => (sent.status = status),
      end: (body: string) => (sent.body = body),
    } as unknown as ServerResponse;
    const repo = { id: 7, owner: "acme", name: "shop", installationId: 1, private: false, permission: "read" } as const;

    await showMetrics(res, parts, { viewer } as SignedIn, repo, new URLSearchParams("window=7&environment=production"));

    expect(listDeploymentsForMetrics).toHaveBeenCalledWith(7, "production", new Date("2026-11-01T00:00:00Z"));
    expect(sent.status).toBe(200);
    expect(sent.body).toContain('data-testid="value">1h 30m</span>');
    expect(sent.body?.match(/data-series="succeeded"/g)).toHaveLength(1);
  });
});
