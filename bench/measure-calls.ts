import type { FakeGitHub } from "../test/fake-github/fake-github-server.js";
import type { BenchContext, RunningApp } from "./app-under-test.js";
import { FLOW_REPOS } from "./bench-repos.js";
import { noActionEvents } from "./event-mix.js";
import { nowMs } from "./send-webhooks.js";
import { waitForDrain } from "./wait-for-drain.js";
import { checkRunEvent, pushEvent, randomSha, type WebhookEvent } from "../test/helpers/webhook-events.js";

/** Rate-limited GitHub calls caused by a realistic mix of webhooks. */
export interface CallFigures {
  readonly noActionEvents: number;
  readonly noActionCalls: number;
  /** The no-action phase's calls by `METHOD route → status`. */
  readonly noActionBreakdown: Readonly<Record<string, number>>;
  readonly flows: number;
  readonly flowCalls: number;
  readonly flowBreakdown: Readonly<Record<string, number>>;
  /** Flows whose deployment the fake received (each flow must deploy once for its figure to mean anything). */
  readonly flowsDeployed: number;
  /** Webhooks not answered 2xx. */
  readonly failed: number;
}

/**
 * Sends, on a freshly started app (empty caches), `noActionEvents` webhooks that need no action,
 * then `flows` gated auto-deploys on repositories seen for the first time: push to main →
 * check run `ci/test` created → completed successfully, each step processed before the next.
 * Counts the rate-limited calls (all but token exchanges and 304s) of each phase.
 */
export async function measureCalls(context: BenchContext, app: RunningApp): Promise<CallFigures> {
  const { github, settings } = context;
  let failed = 0;
  const send = async (events: WebhookEvent[]) => {
    const result = await app.send(events);
    for (const [status, count] of result.statuses) if (status < 200 || status > 299) failed += count;
    await waitForDrain(app.process.url, github);
  };

  const noActionStart = nowMs();
  await send(noActionEvents(settings.noActionEvents, context.random));
  const flowStart = nowMs();
  const noAction = callsSince(github, noActionStart, flowStart);

  const flows = FLOW_REPOS.slice(0, settings.flows).map((repo, index) => ({
    repo,
    sha: randomSha(),
    checkRunId: 7_000_000 + index,
  }));
  await send(flows.map(({ repo, sha }) => pushEvent(repo, "refs/heads/main", sha)));
  await send(flows.map(({ repo, sha, checkRunId }) => checkRunEvent(repo, sha, "ci/test", checkRunId, null)));
  await send(flows.map(({ repo, sha, checkRunId }) => checkRunEvent(repo, sha, "ci/test", checkRunId, "success")));
  const deployed = await Promise.all(
    flows.map(({ sha }) =>
      github
        .waitForDeployment((d) => d.sha === sha, 15_000)
        .then(
          () => true,
          () => false,
        ),
    ),
  );
  const flow = callsSince(github, flowStart, Infinity);

  return {
    noActionEvents: settings.noActionEvents,
    noActionCalls: noAction.total,
    noActionBreakdown: noAction.byRoute,
    flows: flows.length,
    flowCalls: flow.total,
    flowBreakdown: flow.byRoute,
    flowsDeployed: deployed.filter(Boolean).length,
    failed,
  };
}

function callsSince(github: FakeGitHub, from: number, to: number): { total: number; byRoute: Record<string, number> } {
  const byRoute: Record<string, number> = {};
  let total = 0;
  for (const request of github.requests) {
    if (!request.rateLimited || request.at < from || request.at >= to) continue;
    total += 1;
    const key = `${request.method} ${request.route} → ${request.status}`;
    byRoute[key] = (byRoute[key] ?? 0) + 1;
  }
  return { total, byRoute };
}
