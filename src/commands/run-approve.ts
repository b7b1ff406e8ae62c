import type { ApprovalRule, DeployConfig, Target } from "../config/model.js";
import { isListed } from "../deploy/resolve-actor.js";
import { shortSha } from "../domain/short-sha.js";
import { evaluateApprovals } from "../engine/evaluate-approvals.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import { processCommit } from "../handlers/process-commit.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { refusal, sentence } from "./reply.js";

type ApprovalCommand = Extract<ParsedCommand, { kind: "approve" | "reject" }>;

/**
 * `/approve [target]` and `/reject [target] [reason]`: records who approved or rejected the pull
 * request's commit (its head; once merged, its merge commit) for a target with `approvals`, then
 * decides again what waits on that commit — an auto-deploy or promotion goes once enough people
 * approved, a held protection rule request is answered, a rejection drops them. Only the target's
 * approvers may (`approvals.from`, else write permission); the pull request's author only with
 * `self_approval`.
 */
export async function runApprove(ctx: CommandContext, command: ApprovalCommand): Promise<string> {
  const resolved = resolveApprovalTarget(ctx.config, command.target);
  if ("error" in resolved) return refusal("invalid_command", resolved.error);
  const { target, rule } = resolved;
  const { deps, comment } = ctx;
  const pr = await deps.github.getPullRequest(comment.pr);
  const sha = pr.mergeCommitSha ?? (pr.state === "open" ? pr.headSha : undefined);
  if (sha === undefined)
    return refusal("not_permitted", `Pull request #${comment.pr} was closed without merging; nothing to ${command.kind}.`);

  const login = comment.author;
  if (!(await mayApprove(ctx, rule, login))) {
    const who = rule.from === undefined ? "write permission" : `to be listed in \`approvals.from\` of ${target.name}`;
    return refusal("not_permitted", `@${login} needs ${who} to ${command.kind} ${target.name}.`);
  }
  if (!rule.selfApproval && pr.author.toLowerCase() === login.toLowerCase()) {
    return refusal("not_permitted", `@${login} opened this pull request, and ${target.name} does not allow self-approval.`);
  }

  const verdict = command.kind === "approve" ? "approved" : "rejected";
  const reason = command.kind === "reject" ? (command.reason ?? null) : null;
  const at = deps.now();
  await deps.store.recordApproval({ repoId: deps.repo.id, sha, target: target.name, login, verdict, reason, pr: comment.pr, at });
  await processCommit(deps, sha);

  const short = shortSha(sha);
  if (verdict === "rejected") {
    return sentence(
      `Rejected ${short} for ${target.name}${reason === null ? "" : `: ${reason}`}. What waited to deploy it is dropped.`,
    );
  }
  const approvals = evaluateApprovals(rule, target.name, await deps.store.listApprovals(deps.repo.id, sha), null, at);
  const count = approvals.status === "waiting" ? rule.required - approvals.missing : rule.required;
  const state = approvals.status === "approved" ? "enough to deploy" : `${rule.required - count} more needed`;
  return sentence(`Approved ${short} for ${target.name}: ${count} of ${rule.required}, ${state}.`);
}

/** The named target, else the repository's default, else its only target with approvals; it must have `approvals`. */
function resolveApprovalTarget(
  config: DeployConfig,
  name: string | undefined,
): { readonly target: Target; readonly rule: ApprovalRule } | { readonly error: string } {
  const withApprovals = config.targets.filter((target) => target.approvals !== undefined);
  const [only] = withApprovals;
  const resolved =
    name === undefined && config.defaultTarget === undefined && only !== undefined && withApprovals.length === 1
      ? { target: only }
      : resolveCommandTarget(config, name);
  if ("error" in resolved) return resolved;
  const { target } = resolved;
  if (target.approvals === undefined) return { error: `${target.name} needs no approvals: its \`approvals\` are not set.` };
  return { target, rule: target.approvals };
}

async function mayApprove(ctx: CommandContext, rule: ApprovalRule, login: string): Promise<boolean> {
  const { github } = ctx.deps;
  if (rule.from !== undefined) return (await isListed(github, login, rule.from)) === true;
  const permission = await github.getPermission(login);
  return permission === "write" || permission === "admin";
}
