import { shortSha } from "../domain/short-sha.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import { renderApprovalLine } from "./render-approvals.js";
import { refusal, sentence } from "./reply.js";

/**
 * `/why [target]`: the latest decision about this pull request's head commit, per target, and for
 * a target with `approvals` who approved or rejected the commit, when; for a pull request that
 * went through the merge queue, also about its merge group's commit (the one that lands on the
 * branch and deploys), so a deploy waiting there is explained on the pull request.
 *
 * The group is the one named after this pull request (`gh-readonly-queue/<base>/pr-<n>-…`): a
 * `merge_group` payload names no other pull request a group contains (only `head_ref`,
 * `head_sha`, `base_ref`, `base_sha` and the head commit), so for a pull request that landed in
 * a group named after another one, no group is found here; that other one's `/why` shows it.
 */
export async function runWhy(ctx: CommandContext, targetName: string | undefined): Promise<string> {
  const { deps, comment } = ctx;
  if (targetName !== undefined) {
    const resolved = resolveCommandTarget(ctx.config, targetName);
    if ("error" in resolved) return refusal("invalid_command", resolved.error);
  }
  const pr = await deps.github.getPullRequest(comment.pr);
  const head = await describeCommit(ctx, pr.headSha, targetName, shortSha(pr.headSha));
  const group = await deps.store.findMergeGroupOfPullRequest(deps.repo.id, comment.pr);
  if (group === undefined || group.headSha === pr.headSha) return head ?? nothingYet(pr.headSha, targetName);
  const queued = await describeCommit(ctx, group.headSha, targetName, `its merge queue commit ${shortSha(group.headSha)}`);
  if (queued === undefined) return head ?? nothingYet(pr.headSha, targetName);
  return head === undefined ? queued : [head, "", queued].join("\n");
}

async function describeCommit(
  ctx: CommandContext,
  sha: string,
  targetName: string | undefined,
  label: string,
): Promise<string | undefined> {
  const { deps, config } = ctx;
  const named = (name: string) => targetName === undefined || name.toLowerCase() === targetName.toLowerCase();
  const ruled = config.targets.flatMap(({ name, approvals: rule }) =>
    rule !== undefined && named(name) ? [{ name, rule }] : [],
  );
  const [decisions, approvals] = await Promise.all([
    deps.store.listDecisions(deps.repo.id, { sha, limit: 50 }),
    ruled.length === 0 ? [] : deps.store.listApprovals(deps.repo.id, sha),
  ]);
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const decision of decisions) {
    const key = decision.target ?? "";
    if (!latest.has(key) && named(key)) latest.set(key, decision);
  }
  const items = [...latest.values()].map(
    (decision) => `- ${sentence(`${decision.target ?? "configuration"}: ${decision.reason} — ${decision.message}`)}`,
  );
  // Targets with approvals that something was decided or said about on this commit: who said what, when.
  for (const { name, rule } of ruled) {
    const about = (other: string) => other.toLowerCase() === name.toLowerCase();
    if (![...latest.keys()].some(about) && !approvals.some((approval) => about(approval.target))) continue;
    items.push(renderApprovalLine({ target: name, rule, sha, requester: null, approvals }, deps.now()));
  }
  if (items.length === 0) return undefined;
  return [sentence(`Latest decisions about ${label}:`), "", ...items].join("\n");
}

function nothingYet(sha: string, targetName: string | undefined): string {
  return sentence(`Nothing was decided about ${shortSha(sha)} yet${targetName === undefined ? "" : ` for ${targetName}`}.`);
}
