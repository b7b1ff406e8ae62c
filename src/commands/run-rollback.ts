import { decideCommandDeploy } from "../engine/decide-command-deploy.js";
import { pickRollbackCommit } from "../engine/pick-rollback-commit.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { pullRequestEnvironment } from "./pull-request-environment.js";
import { refusal } from "./reply.js";
import { resolveActor } from "../deploy/resolve-actor.js";
import { commandAsker, finishCommandDeploy } from "./run-deploy.js";

/**
 * `/rollback <target>`: redeploys the commit of the environment's last successful deployment
 * before the current one, through the same permission and lock rules. Its old checks are rarely
 * known here, so GitHub's own verification of `required_contexts` is the gate.
 */
export async function runRollback(ctx: CommandContext, command: Extract<ParsedCommand, { kind: "rollback" }>): Promise<string> {
  const resolved = resolveCommandTarget(ctx.config, command.target);
  if ("error" in resolved) return refusal("invalid_command", resolved.error);
  const { target } = resolved;
  const { deps, comment } = ctx;
  const environment = pullRequestEnvironment(deps.repo, target, comment.pr);

  const history = await deps.store.listDeployments(deps.repo.id, environment);
  const previous = pickRollbackCommit(history);
  if (previous === undefined) {
    return refusal("invalid_command", `${environment} has no earlier successful deployment to roll back to.`);
  }
  const [actor, pr, locks] = await Promise.all([
    resolveActor(deps.github, comment.author, target),
    deps.github.getPullRequest(comment.pr),
    deps.store.listLocks(deps.repo.id, deps.now()),
  ]);
  const commit = { ref: previous.ref, sha: previous.sha };
  const decision = decideCommandDeploy({
    repo: deps.repo,
    target,
    actor,
    pr: { number: comment.pr, ...pr, open: pr.state === "open", headMovedSinceComment: false },
    commit,
    force: false,
    params: {},
    gates: "github",
    state: { checks: [], locks, now: deps.now(), approvals: [] },
  });
  const asker = commandAsker(ctx, { followsHead: false, force: false, params: {} });
  return finishCommandDeploy(ctx, target, commit, decision, { dryRun: false, asker });
}
