import { shortSha } from "../domain/short-sha.js";
import { decideCommandDeploy } from "../engine/decide-command-deploy.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { pullRequestEnvironment } from "./pull-request-environment.js";
import { refusal } from "./reply.js";
import { resolveActor } from "../deploy/resolve-actor.js";
import { finishCommandDeploy } from "./run-deploy.js";

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
  if (newest === undefined) return refusal("invalid_command", `Nothing was deployed to ${upstream} yet.`);
  const commit = { ref: newest.ref, sha: newest.sha };
  if (newest.lifecycle === "failed" || newest.lifecycle === "inactive") {
    return refusal(
      "upstream_failed",
      `${shortSha(newest.sha)}, the newest deployment to ${upstream}, is ${newest.lifecycle}; nothing to promote.`,
    );
  }
  if (newest.lifecycle !== "succeeded") {
    return refusal(
      "waiting_for_upstream",
      `${shortSha(newest.sha)} has not succeeded in ${upstream} yet (${newest.lifecycle}); promote it once it has.`,
    );
  }
  const [actor, pr, locks, checks] = await Promise.all([
    resolveActor(deps.github, comment.author, to.target),
    deps.github.getPullRequest(comment.pr),
    deps.store.listLocks(deps.repo.id, deps.now()),
    deps.store.listChecks(deps.repo.id, newest.sha),
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
    state: { checks, locks, now: deps.now() },
  });
  return finishCommandDeploy(ctx, to.target, commit, decision, false);
}
