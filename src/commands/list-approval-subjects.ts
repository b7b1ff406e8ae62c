import type { ApprovalRule } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import { selectProtectedTargets } from "../engine/decide-protection-request.js";
import type { ProtectionRequestRecord } from "../store/protection-request-store.js";
import type { CommandContext } from "./command-context.js";
import type { ApprovalSubject } from "./render-approvals.js";
import type { AskedDeployRecord } from "../store/asked-deploy-store.js";

type Candidate = Omit<ApprovalSubject, "approvals">;

/**
 * The commits whose approvals `/status` shows, per target with `approvals`: what waits to deploy
 * to it (`pending` and `asked`, this pull request's view), the workflow runs held for its approvals, and every
 * commit of this pull request someone approved or rejected for it. In the configuration's target
 * order; one store read per commit, none when no target has `approvals`.
 */
export async function listApprovalSubjects(
  ctx: CommandContext,
  pending: readonly PendingDeploy[],
  held: readonly ProtectionRequestRecord[],
  asked: readonly AskedDeployRecord[],
): Promise<ApprovalSubject[]> {
  const { deps, config, comment } = ctx;
  const rules = new Map<string, ApprovalRule>();
  for (const target of config.targets) if (target.approvals !== undefined) rules.set(target.name.toLowerCase(), target.approvals);
  if (rules.size === 0) return [];

  const candidates = new Map<string, Candidate>();
  const add = (target: string, sha: string, requester: string | null) => {
    const rule = rules.get(target.toLowerCase());
    const key = `${target.toLowerCase()} ${sha}`;
    if (rule !== undefined && !candidates.has(key)) candidates.set(key, { target, rule, sha, requester });
  };
  // A held run counts its approvals without its starter's own: listed first, its count is the one shown.
  for (const request of held) {
    if (request.reason !== "waiting_for_approval") continue;
    for (const target of selectProtectedTargets(deps.repo, config, request)) add(target.name, request.sha, request.requester);
  }
  // Likewise a request a person made: their own approval does not count for it.
  for (const request of asked) add(request.target, request.sha, requesterOf(request));
  for (const deploy of pending) add(deploy.target, deploy.sha, null);
  for (const approval of await deps.store.listApprovalsOfPullRequest(deps.repo.id, comment.pr)) {
    const target = config.targets.find((candidate) => candidate.name.toLowerCase() === approval.target.toLowerCase());
    if (target !== undefined) add(target.name, approval.sha, null);
  }

  const order = config.targets.map((target) => target.name);
  const sorted = [...candidates.values()].sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  const shas = [...new Set(sorted.map((candidate) => candidate.sha))];
  const said = new Map(
    await Promise.all(shas.map(async (sha) => [sha, await deps.store.listApprovals(deps.repo.id, sha)] as const)),
  );
  return sorted.map((candidate) => ({ ...candidate, approvals: said.get(candidate.sha) ?? [] }));
}

/** The person who asked for a deploy (a comment's author, the dashboard's user); null for a hook or the admin API. */
function requesterOf(request: AskedDeployRecord): string | null {
  const { asker } = request;
  return asker.kind === "command" || asker.kind === "dashboard" ? asker.login : null;
}
