import type { ApprovalRule, Target } from "../config/model.js";
import { isListed } from "../deploy/resolve-actor.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import { shortSha } from "../domain/short-sha.js";
import { evaluateApprovals } from "../engine/evaluate-approvals.js";
import { processCommit } from "../handlers/process-commit.js";
import { resumeAskedDeploys } from "./resume-asked-deploys.js";

/** Somebody's approval or rejection of one commit for one target with `approvals`. */
export interface Verdict {
  readonly target: Target;
  readonly rule: ApprovalRule;
  readonly sha: string;
  readonly login: string;
  readonly verdict: "approved" | "rejected";
  /** Why it was rejected, in the rejecter's words; null for an approval or when none was given. */
  readonly reason: string | null;
  /** The commit's pull request, whose author may approve only with `self_approval`; null when there is none. */
  readonly pr: { readonly number: number; readonly author: string } | null;
}

/** What became of a verdict: refused (who may not), or recorded with the sentence that says where the approvals stand. */
export type VerdictResult =
  | { readonly kind: "refused"; readonly reason: ReasonCode; readonly message: string }
  | { readonly kind: "recorded"; readonly message: string };

/**
 * Records an approval or a rejection — only the target's approvers may (`approvals.from`, else
 * write permission), the pull request's author only with `self_approval` — then decides again what
 * waits on that commit: an auto-deploy, a promotion or an asked deploy goes once enough people
 * approved, a held protection rule request is answered, a rejection drops them. The one path of
 * `/approve`, `/reject` and the dashboard's buttons.
 */
export async function giveVerdict(deps: RepoContext, given: Verdict): Promise<VerdictResult> {
  const { target, rule, sha, login, verdict, reason, pr } = given;
  const action = verdict === "approved" ? "approve" : "reject";
  if (!(await mayApprove(deps, rule, login))) {
    const who = rule.from === undefined ? "write permission" : `to be listed in \`approvals.from\` of ${target.name}`;
    return { kind: "refused", reason: "not_permitted", message: `@${login} needs ${who} to ${action} ${target.name}.` };
  }
  if (!rule.selfApproval && pr !== null && pr.author.toLowerCase() === login.toLowerCase()) {
    const message = `@${login} opened pull request #${pr.number}, and ${target.name} does not allow self-approval.`;
    return { kind: "refused", reason: "not_permitted", message };
  }

  const at = deps.now();
  await deps.store.recordApproval({
    repoId: deps.repo.id,
    sha,
    target: target.name,
    login,
    verdict,
    reason,
    pr: pr?.number ?? null,
    at,
  });
  await processCommit(deps, sha);
  await resumeAskedDeploys(deps, sha, pr?.number ?? null);

  const short = shortSha(sha);
  if (verdict === "rejected") {
    const why = reason === null ? "" : `: ${reason}`;
    return { kind: "recorded", message: `Rejected ${short} for ${target.name}${why}. What waited to deploy it is dropped.` };
  }
  const approvals = evaluateApprovals(rule, target.name, await deps.store.listApprovals(deps.repo.id, sha), null, at);
  const count = approvals.status === "waiting" ? rule.required - approvals.missing : rule.required;
  const state = approvals.status === "approved" ? "enough to deploy" : `${rule.required - count} more needed`;
  return { kind: "recorded", message: `Approved ${short} for ${target.name}: ${count} of ${rule.required}, ${state}.` };
}

async function mayApprove(deps: RepoContext, rule: ApprovalRule, login: string): Promise<boolean> {
  const { github } = deps;
  if (rule.from !== undefined) return (await isListed(github, login, rule.from)) === true;
  const permission = await github.getPermission(login);
  return permission === "write" || permission === "admin";
}
