import type { ApprovalRule, DeployConfig, Target } from "../config/model.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { giveVerdict } from "./give-verdict.js";
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

  const verdict = command.kind === "approve" ? "approved" : "rejected";
  const reason = command.kind === "reject" ? (command.reason ?? null) : null;
  const pull = { number: comment.pr, author: pr.author };
  const result = await giveVerdict(deps, { target, rule, sha, login: comment.author, verdict, reason, pr: pull });
  return result.kind === "refused" ? refusal(result.reason, result.message) : sentence(result.message);
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
