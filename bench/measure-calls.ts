import type { FakeDeployment, FakeGitHub } from "../test/fake-github/fake-github-server.js";
import type { BenchContext, RunningApp } from "./app-under-test.js";
import { FLOW_CHANGES, FLOW_REPOS } from "./bench-repos.js";
import { ownDeploymentWebhooks, type DeploymentState } from "./deployment-lifecycle.js";
import { noActionEvents } from "./event-mix.js";
import { readDecisionCounts } from "./read-decisions.js";
import { nowMs } from "./send-webhooks.js";
import { waitForDrain } from "./wait-for-drain.js";
import { checkRunEvent, pushEvent, randomSha, type WebhookEvent, type WebhookRepo } from "../test/helpers/webhook-events.js";

/** One step of the gated flows: its webhook (one per flow) and what the steps of all flows cost. */
export interface FlowStepFigures {
  /** The webhook, e.g. `push to main, changing …` or `` `deployment_status` `success` ``. */
  readonly step: string;
  readonly calls: number;
  readonly byRoute: Readonly<Record<string, number>>;
  /** Conditional requests answered 304: free, not counted in `calls`. */
  readonly notModified: number;
}

/** Rate-limited GitHub calls caused by a realistic mix of webhooks. */
export interface CallFigures {
  readonly noActionEvents: number;
  readonly noActionCalls: number;
  /** The no-action phase's calls by `METHOD route → status`. */
  readonly noActionBreakdown: Readonly<Record<string, number>>;
  readonly flows: number;
  /** Webhooks of one flow: one per step. */
  readonly flowEvents: number;
  readonly flowCalls: number;
  readonly flowBreakdown: Readonly<Record<string, number>>;
  /** The flows' figures step by step, in order, back to back: their calls add up to `flowCalls` unless one came after the last step. */
  readonly flowSteps: readonly FlowStepFigures[];
  /** Flows whose deployment the fake received (each flow must deploy once for its figure to mean anything). */
  readonly flowsDeployed: number;
  /**
   * Decisions the app recorded over the flows, by reason code (the difference of its `/metrics`
   * counters before and after): each flow's promotion must be left `waiting_for_soak`. Undefined when
   * the app serves no such metrics (`BENCH_APP` naming an older build).
   */
  readonly flowDecisions: Readonly<Record<string, number>> | undefined;
  /** Webhooks not answered 2xx. */
  readonly failed: number;
}

/** The statuses the flows' workflow reports on each production deployment, each a step of its own. */
const REPORTED: readonly DeploymentState[] = ["in_progress", "success"];

/**
 * Sends, on a freshly started app (empty caches), `noActionEvents` webhooks that need no action,
 * then `flows` gated auto-deploys on repositories seen for the first time, each step processed
 * before the next: push to main (its payload listing the changed files, which the target's `paths`
 * let through; its freezes are not in force) → check run `ci/test` created → completed successfully
 * → the deployment created; then what GitHub sends next — the `deployment` webhook, and the
 * workflow's `deployment_status` `in_progress` then `success`, which starts each flow's promotion
 * (it waits for its soak). Counts the rate-limited calls (all but token exchanges and 304s) of each
 * phase and step; `metricsToken` reads the app's decisions before and after the flows.
 */
export async function measureCalls(context: BenchContext, app: RunningApp, metricsToken: string): Promise<CallFigures> {
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
  const decisionsBefore = await readDecisionCounts(app.process.url, metricsToken);

  const flows = FLOW_REPOS.slice(0, settings.flows).map((repo, index) => ({
    repo,
    sha: randomSha(),
    checkRunId: 7_000_000 + index,
  }));
  const steps: FlowStepFigures[] = [];
  // Back to back: every call from the start of the flows falls in one step.
  let stepStart = flowStart;
  const step = async (name: string, events: WebhookEvent[]) => {
    await send(events);
    const stepEnd = nowMs();
    const { total, byRoute, notModified } = callsSince(github, stepStart, stepEnd);
    steps.push({ step: name, calls: total, byRoute, notModified });
    stepStart = stepEnd;
  };
  await step(
    `push to main, changing ${Object.values(FLOW_CHANGES).flat().join(", ")}`,
    flows.map(({ repo, sha }) => pushEvent(repo, "refs/heads/main", sha, false, FLOW_CHANGES)),
  );
  await step(
    "check run `ci/test` created",
    flows.map(({ repo, sha, checkRunId }) => checkRunEvent(repo, sha, "ci/test", checkRunId, null)),
  );
  await step(
    "check run `ci/test` completed: the deployment created",
    flows.map(({ repo, sha, checkRunId }) => checkRunEvent(repo, sha, "ci/test", checkRunId, "success")),
  );
  const deployments = await Promise.all(
    flows.map(({ sha }) => github.waitForDeployment((d) => d.sha === sha, 15_000).catch(() => undefined)),
  );
  const deployed = flows.flatMap(({ repo }, index) => {
    const deployment = deployments[index];
    return deployment === undefined ? [] : [{ repo, deployment }];
  });
  // GitHub's webhooks about each deployment, one step at a time: created, then each status reported.
  const webhooks = deployed.map(({ repo, deployment }, index) => reports(repo, deployment, 8_000_000 + index * 10));
  const names = [
    "`deployment`",
    ...REPORTED.map((state) => `\`deployment_status\` \`${state}\`${state === "success" ? ": the promotion starts" : ""}`),
  ];
  for (const [position, name] of names.entries()) {
    await step(
      name,
      webhooks.flatMap((events) => events.slice(position, position + 1)),
    );
  }
  const flow = callsSince(github, flowStart, Infinity);
  const decisionsAfter = await readDecisionCounts(app.process.url, metricsToken);

  return {
    noActionEvents: settings.noActionEvents,
    noActionCalls: noAction.total,
    noActionBreakdown: noAction.byRoute,
    flows: flows.length,
    flowEvents: steps.length,
    flowCalls: flow.total,
    flowBreakdown: flow.byRoute,
    flowSteps: steps,
    flowsDeployed: deployed.length,
    flowDecisions:
      decisionsBefore === undefined || decisionsAfter === undefined ? undefined : difference(decisionsAfter, decisionsBefore),
    failed,
  };
}

/** The `deployment` webhook, then the `deployment_status` webhooks of {@link REPORTED}, with ids from `firstStatusId`. */
function reports(repo: WebhookRepo, deployment: FakeDeployment, firstStatusId: number): WebhookEvent[] {
  return ownDeploymentWebhooks(
    repo,
    deployment,
    REPORTED.map((state, index) => ({ id: firstStatusId + index, state })),
  );
}

function difference(after: Readonly<Record<string, number>>, before: Readonly<Record<string, number>>): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const [reason, count] of Object.entries(after)) {
    const delta = count - (before[reason] ?? 0);
    if (delta !== 0) changed[reason] = delta;
  }
  return changed;
}

function callsSince(
  github: FakeGitHub,
  from: number,
  to: number,
): { total: number; byRoute: Record<string, number>; notModified: number } {
  const byRoute: Record<string, number> = {};
  let total = 0;
  let notModified = 0;
  for (const request of github.requests) {
    if (request.at < from || request.at >= to) continue;
    if (request.status === 304) notModified += 1;
    if (!request.rateLimited) continue;
    total += 1;
    const key = `${request.method} ${request.route} → ${request.status}`;
    byRoute[key] = (byRoute[key] ?? 0) + 1;
  }
  return { total, byRoute, notModified };
}
