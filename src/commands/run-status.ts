import { formatDuration } from "../config/format-duration.js";
import { shortSha } from "../domain/short-sha.js";
import { describeFreeze, findFreeze } from "../engine/find-freeze.js";
import type { ProtectionRequestRecord } from "../store/protection-request-store.js";
import type { CommandContext } from "./command-context.js";
import { listApprovalSubjects } from "./list-approval-subjects.js";
import { pullRequestEnvironment } from "./pull-request-environment.js";
import { renderApprovalSection } from "./render-approvals.js";
import { sentence } from "./reply.js";
import { describeAsker } from "../domain/asker.js";

/** Deployments created longer ago than this are not listed as in flight, whatever their state. */
const IN_FLIGHT_WINDOW_MS = 24 * 3_600_000;

/**
 * `/status`: per target, the newest deployment and its state, and the deploys still waiting with
 * why (auto-deploys, and what commands, hooks, the CLI and the dashboard asked for); the targets a freeze holds, until when; the workflow jobs held as a protection rule; for
 * targets with `approvals`, who approved or rejected what waits and this pull request's commits,
 * and when; then the repository's deployments in flight (created or started in the last day) with
 * their age.
 */
export async function runStatus(ctx: CommandContext): Promise<string> {
  const { deps, comment, config } = ctx;
  const [pending, held, asked] = await Promise.all([
    deps.store.listPendingByRepo(deps.repo.id),
    deps.store.listProtectionRequests(deps.repo.id),
    deps.store.listAskedDeploysByRepo(deps.repo.id),
  ]);
  // This pull request's view: deploys from no pull request (pushes, hooks…) or from this one.
  const inView = pending.filter((candidate) => candidate.pr === null || candidate.pr === comment.pr);
  const askedInView = asked.filter((candidate) => candidate.pr === null || candidate.pr === comment.pr);
  const lines = ["| target | environment | last deployment | waiting |", "| --- | --- | --- | --- |"];
  for (const target of config.targets) {
    const environment = pullRequestEnvironment(deps.repo, target, comment.pr);
    const [last] = await deps.store.listDeployments(deps.repo.id, environment, 1);
    const deployed = last === undefined ? "none" : `${shortSha(last.sha)} (${last.state ?? "no status yet"})`;
    const waiting = [];
    const mine = inView.filter((candidate) => candidate.target === target.name);
    for (const deploy of mine) {
      const [why] = await deps.store.listDecisions(deps.repo.id, { sha: deploy.sha, target: target.name, limit: 1 });
      waiting.push(`${shortSha(deploy.sha)}: ${why?.message ?? "waiting"}`);
    }
    for (const request of askedInView.filter((candidate) => candidate.target === target.name)) {
      waiting.push(`${shortSha(request.sha)}, asked ${describeAsker(request.asker)}: waits for approvals`);
    }
    lines.push(`| ${[target.name, environment, deployed, waiting.join("; ") || "—"].map(sentence).join(" | ")} |`);
  }
  const approvals = renderApprovalSection(await listApprovalSubjects(ctx, inView, held, askedInView), deps.now());
  return [...lines, ...renderFreezes(ctx), ...renderHeldJobs(ctx, held), ...approvals, ...(await renderInFlight(ctx))].join("\n");
}

/** Workflow jobs whose protection rule request Deliverybot holds, each with why and a link to its run. */
function renderHeldJobs(ctx: CommandContext, held: readonly ProtectionRequestRecord[]): string[] {
  const { comment } = ctx;
  if (held.length === 0) return [];
  const items = held.map((request) => {
    const run = `[run ${request.runId}](${comment.repositoryUrl}/actions/runs/${request.runId})`;
    const why = sentence(
      `${request.environment}, ${shortSha(request.sha)} by @${request.requester}: ${request.message ?? "deciding"}`,
    );
    return `- ${run}: ${why}`;
  });
  return ["", "Jobs held (protection rule):", "", ...items];
}

/** The targets a freeze holds now, each with its end. */
function renderFreezes(ctx: CommandContext): string[] {
  const now = ctx.deps.now();
  const frozen = ctx.config.targets.flatMap((target) => {
    const freeze = findFreeze(target.freezes, now);
    if (freeze === undefined) return [];
    return [
      `- ${sentence(`${target.name}: ${describeFreeze(freeze, pullRequestEnvironment(ctx.deps.repo, target, ctx.comment.pr))}.`)}`,
    ];
  });
  return frozen.length === 0 ? [] : ["", "Frozen:", "", ...frozen];
}

async function renderInFlight(ctx: CommandContext): Promise<string[]> {
  const { deps } = ctx;
  const now = deps.now();
  const inFlight = await deps.store.listDeploymentsInFlight(deps.repo.id, new Date(now.getTime() - IN_FLIGHT_WINDOW_MS));
  if (inFlight.length === 0) return [];
  const rows = inFlight.map((d) => {
    // Whole minutes once past one: "12m old", not "12m3s old".
    const ageMs = Math.max(0, now.getTime() - d.createdAt.getTime());
    const age = formatDuration(ageMs >= 60_000 ? ageMs - (ageMs % 60_000) : ageMs);
    const cells = [String(d.id), shortSha(d.sha), d.environment, d.lifecycle, age];
    return `| ${cells.map(sentence).join(" | ")} |`;
  });
  return [
    "",
    "In flight:",
    "",
    "| deployment | commit | environment | state | age |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ];
}
