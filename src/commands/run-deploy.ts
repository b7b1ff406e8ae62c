import type { Target } from "../config/model.js";
import { deployAsked } from "../deploy/deploy-asked.js";
import { shortSha } from "../domain/short-sha.js";
import { decideCommandDeploy, type CommandDecision } from "../engine/decide-command-deploy.js";
import { describeLock } from "../engine/find-lock.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { renderDeployReply } from "./render-deploy-reply.js";
import { refusal, sentence } from "./reply.js";
import { resolveActor } from "../deploy/resolve-actor.js";
import type { Asker } from "../domain/asker.js";
import { isFullSha } from "../domain/full-sha.js";

type DeployCommand = Extract<ParsedCommand, { kind: "deploy" }>;

/** `/deploy` and `/noop`: the pull request's head (or the ref named) to a target, through every gate. */
export async function runDeploy(ctx: CommandContext, command: DeployCommand): Promise<string> {
  const resolved = resolveCommandTarget(ctx.config, command.target);
  if ("error" in resolved) return refusal("invalid_command", resolved.error);
  const { target } = resolved;
  const { deps, comment } = ctx;

  const [actor, pr, storedHead] = await Promise.all([
    resolveActor(deps.github, comment.author, target),
    deps.github.getPullRequest(comment.pr),
    deps.store.getPullRequestHead(deps.repo.id, comment.pr),
  ]);
  const commit = await pickCommit(ctx, command.ref, pr);
  if (commit === undefined) return refusal("invalid_command", `There is no branch, tag or commit ${command.ref ?? ""} here.`);

  const [checks, locks, approvals] = await Promise.all([
    deps.store.listChecks(deps.repo.id, commit.sha),
    deps.store.listLocks(deps.repo.id, deps.now()),
    deps.store.listApprovals(deps.repo.id, commit.sha),
  ]);
  const headMovedSinceComment =
    storedHead !== undefined && storedHead.updatedAt > comment.createdAt && storedHead.sha === pr.headSha;
  const decision = decideCommandDeploy({
    repo: deps.repo,
    target,
    actor,
    pr: { number: comment.pr, ...pr, open: pr.state === "open", headMovedSinceComment },
    commit,
    force: command.force,
    params: command.params,
    gates: "evaluate",
    state: { checks, locks, now: deps.now(), approvals },
  });
  const asker = commandAsker(ctx, { followsHead: command.ref === undefined, force: command.force, params: command.params });
  return finishCommandDeploy(ctx, target, commit, decision, { dryRun: command.dryRun, asker });
}

/** The comment as the asker of a deploy, to decide it again if it waits for approvals. */
export function commandAsker(
  ctx: CommandContext,
  asked: { readonly followsHead: boolean; readonly force: boolean; readonly params: Readonly<Record<string, string>> },
): Asker {
  const { author, id, repositoryUrl } = ctx.comment;
  return { kind: "command", login: author, commentId: id, repositoryUrl, ...asked };
}

/**
 * Acts on the engine's decision: a dry run only says what would happen; otherwise the refusal is
 * recorded, the deploy created once per command comment, or kept until its approvals are in, and
 * the outcome is the reply.
 */
export async function finishCommandDeploy(
  ctx: CommandContext,
  target: Target,
  commit: { readonly ref: string; readonly sha: string },
  decision: CommandDecision,
  options: { readonly dryRun: boolean; readonly asker: Asker },
): Promise<string> {
  const { dryRun, asker } = options;
  if (dryRun && decision.action === "wait") return sentence(`Dry run: /deploy would wait. ${decision.message} Nothing was kept.`);
  if (dryRun && decision.action === "deploy") {
    const forced = decision.request.required_contexts?.length === 0 ? " with no required checks" : "";
    const past = decision.forcedPast === undefined ? "" : `, past the lock of @${decision.forcedPast.owner}`;
    return sentence(
      `Dry run: /deploy would deploy ${shortSha(commit.sha)} (${commit.ref}) to ${decision.environment}${forced}${past}. Nothing was created.`,
    );
  }
  const { deps, comment } = ctx;
  const asked = { target: target.name, ...commit, pr: comment.pr, via: `comment:${comment.id}`, asker };
  const outcome = await deployAsked(deps, decision, asked);
  const reply = renderDeployReply(outcome, comment);
  if (outcome.kind !== "deployed" || decision.action !== "deploy" || decision.forcedPast === undefined) return reply;
  // The lock stays: --force went past it for this deploy only.
  const lock = `${describeLock(decision.forcedPast, outcome.environment)}: --force deployed past it; the lock stays.`;
  return `${reply}\n\n${sentence(lock)}`;
}

async function pickCommit(
  ctx: CommandContext,
  ref: string | undefined,
  pr: { readonly headRef: string; readonly headSha: string },
): Promise<{ ref: string; sha: string } | undefined> {
  if (ref === undefined) return { ref: pr.headRef, sha: pr.headSha };
  const sha = await ctx.deps.github.resolveCommit(ref);
  if (sha === undefined) return undefined;
  return { ref: isFullSha(ref) ? sha : ref, sha };
}
