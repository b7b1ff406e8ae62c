import { FAKE_ROUTES, type FakeGitHub } from "../fake-github/fake-github-server.js";
import type { QueueCounts } from "../helpers/read-health.js";
import type { WebhookRepo } from "../helpers/webhook-events.js";
import { readDatabase, type DatabaseSnapshot } from "./read-database.js";

/** What a run left behind, on the fake GitHub and in the store. */
export interface RunOutcome {
  /** Deployments GitHub (the fake) created, as `owner/name environment sha`, sorted; a double shows twice. */
  readonly deployments: readonly string[];
  /** The same deployments as the store recorded them (by GitHub id), sorted. */
  readonly recorded: readonly string[];
  /** Fake GitHub deployment ids the store has no record of. */
  readonly unrecorded: readonly number[];
  readonly database: DatabaseSnapshot;
  readonly queue: QueueCounts;
  /** Requests GitHub would count against the rate limit, by `METHOD route → status`. */
  readonly rateLimited: Readonly<Record<string, number>>;
  readonly rateLimitedTotal: number;
  /** `GET …/deployments`: made only to reconcile a claim a dead process left. */
  readonly lookups: number;
  /** Lookups for a deployment that existed when they arrived: a dead process had created it and never heard. */
  readonly lookupsFound: number;
  /** Unexpected requests and request bodies GitHub's OpenAPI description rejects. */
  readonly problems: readonly string[];
}

/** Reads the outcome once the cluster is idle; `repos` names the repository ids the store uses. */
export async function readOutcome(
  github: FakeGitHub,
  schema: string,
  queue: QueueCounts,
  repos: readonly WebhookRepo[],
): Promise<RunOutcome> {
  const database = await readDatabase(schema);
  const names = new Map(repos.map((repo) => [String(repo.id), `${repo.owner}/${repo.name}`]));
  const byId = new Map(database.deployments.map((row) => [row.id, row.key]));
  const recorded = github.deployments.flatMap((deployment) => {
    const key = byId.get(deployment.id);
    if (key === undefined) return [];
    const [repoId = "", environment, sha] = key.split(" ");
    return [`${names.get(repoId) ?? repoId} ${environment} ${sha}`];
  });
  const rateLimited: Record<string, number> = {};
  for (const request of github.requests.filter((r) => r.rateLimited)) {
    const key = `${request.method} ${request.route} → ${request.status}`;
    rateLimited[key] = (rateLimited[key] ?? 0) + 1;
  }
  const [, lookupRoute = ""] = FAKE_ROUTES.listDeployments.split(" ");
  const lookups = github.requests.filter((r) => r.method === "GET" && r.route === lookupRoute);
  return {
    deployments: github.deployments.map((d) => `${d.repo} ${d.environment} ${d.sha}`).sort(),
    recorded: recorded.sort(),
    unrecorded: github.deployments.filter((d) => !byId.has(d.id)).map((d) => d.id),
    database,
    queue,
    rateLimited,
    rateLimitedTotal: Object.values(rateLimited).reduce((sum, n) => sum + n, 0),
    lookups: lookups.length,
    lookupsFound: lookups.filter((lookup) => {
      const query = new URLSearchParams(lookup.path.split("?")[1] ?? "");
      const [sha, environment] = [query.get("sha"), query.get("environment")];
      return github.deployments.some(
        (d) => d.repo === lookup.repo && d.sha === sha && d.environment === environment && d.at < lookup.at,
      );
    }).length,
    problems: github.problems(),
  };
}

/** A few lines for the test's output: deployments, calls, reconciliations, deliveries and decisions. */
export function describeOutcome(title: string, outcome: RunOutcome, extra: Readonly<Record<string, unknown>> = {}): string {
  const deliveries = Object.entries(outcome.database.deliveries).map(([status, ids]) => `${status} ${ids.length}`);
  return [
    `${title}:`,
    `  deployments created: ${outcome.deployments.length}, recorded by the app: ${outcome.recorded.length}`,
    `  rate-limited GitHub calls: ${outcome.rateLimitedTotal} ${JSON.stringify(outcome.rateLimited)}`,
    `  reconciliation lookups (GET /deployments): ${outcome.lookups}, of which found the deployment: ${outcome.lookupsFound}`,
    `  deliveries stored: ${deliveries.join(", ")}; queue ${JSON.stringify(outcome.queue)}`,
    `  claims never settled: ${outcome.database.unsettledClaims}, of which without a recorded deployment: ${outcome.database.openIntents.length}`,
    `  decisions: ${JSON.stringify(outcome.database.decisions)}`,
    ...Object.entries(extra).map(([key, value]) => `  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`),
  ].join("\n");
}
