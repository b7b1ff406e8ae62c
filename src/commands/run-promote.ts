import { decideCommandDeploy } from "../engine/decide-command-deploy.js";
import { pickPromotionCommit } from "../engine/pick-promotion-commit.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { pullRequestEnvironment } from "./pull-request-environment.js";
import { refusal } from "./reply.js";
import { resolveActor } from "../deploy/resolve-actor.js";
import { commandAsker, finishCommandDeploy } from "./run-deploy.js";

/**
 * `/promote <from> <to> [--force]`: deploys to `to` the commit of `from`'s environment's newest
 * deployment, once that succeeded (a person decides, so no soak), through the permission, lock,
 * freeze and check rules of `/deploy`. Refused while it has not succeeded (`waiting_for_upstream`)
 * or after it failed (`upstream_failed`).
 */
export async function runPromote(ctx: CommandContext, command: Extract<ParsedCommand, { kind: "promote" }>): Promise<string> {
  const from = resolveCommandTarget(ctx.config, command.from);
  if ("error" in from) return refusal("invalid_command", from.error);
  const to = resolveCommandTarget(ctx.config, command.to);
  if ("error" in to) return refusal("invalid_command", to.error);
  if (from.target.name === to.target.name) return refusal("invalid_command", "Promote from one target to another.");
  const { deps, comment } = ctx;
  const upstream = pullRequestEnvironment(deps.repo, from.target, comment.pr);

  const [newest] = await deps.store.listDeployments(deps.repo.id, upstream, 1);
  const pick = pickPromotionCommit(newest, upstream);
  if (pick.kind === "nothing_deployed") return refusal("invalid_command", pick.message);
  if (pick.kind === "refused") return refusal(pick.reason, pick.message);
  const commit = { ref: pick.ref, sha: pick.sha };
  const [actor, pr, locks, checks, approvals] = await Promise.all([
    resolveActor(deps.github, comment.author, to.target),
    deps.github.getPullRequest(comment.pr),
    deps.store.listLocks(deps.repo.id, deps.now()),
    deps.store.listChecks(deps.repo.id, commit.sha),
    deps.store.listApprovals(deps.repo.id, commit.sha),
  ]);
  const decision = decideCommandDeploy({
    repo: deps.repo,
    target: to.target,
    actor,
    pr: { number: comment.pr, ...pr, open: pr.state === "open", headMovedSinceComment: false },
    commit,
    force: command.force,
    params: {},
    gates: "evaluate",
    state: { checks, locks, now: deps.now(), approvals },
  });
  const asker = commandAsker(ctx, { followsHead: false, force: command.force, params: {} });
  return finishCommandDeploy(ctx, to.target, commit, decision, { dryRun: false, asker });
}
