import { shortSha } from "../domain/short-sha.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import { refusal, sentence } from "./reply.js";

/**
 * `/why [target]`: the latest decision about this pull request's head commit, per target; for a
 * pull request that went through the merge queue, also about its merge group's commit (the one
 * that lands on the branch and deploys), so a deploy waiting there is explained on the pull request.
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
  const decisions = await ctx.deps.store.listDecisions(ctx.deps.repo.id, { sha, limit: 50 });
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const decision of decisions) {
    const key = decision.target ?? "";
    if (!latest.has(key) && (targetName === undefined || key.toLowerCase() === targetName.toLowerCase()))
      latest.set(key, decision);
  }
  if (latest.size === 0) return undefined;
  const items = [...latest.values()].map(
    (decision) => `- ${sentence(`${decision.target ?? "configuration"}: ${decision.reason} — ${decision.message}`)}`,
  );
  return [sentence(`Latest decisions about ${label}:`), "", ...items].join("\n");
}

function nothingYet(sha: string, targetName: string | undefined): string {
  return sentence(`Nothing was decided about ${shortSha(sha)} yet${targetName === undefined ? "" : ` for ${targetName}`}.`);
}
