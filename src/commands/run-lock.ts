import { GLOBAL_LOCK } from "../domain/locks.js";
import { mayAdminister, mayDeploy } from "../engine/may-act.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import { reevaluateRepository } from "../handlers/reevaluate-repository.js";
import type { LockRecord } from "../store/lock-store.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { pullRequestEnvironment } from "./pull-request-environment.js";
import { refusal, sentence } from "./reply.js";
import { resolveActor } from "../deploy/resolve-actor.js";

type Scope = Extract<ParsedCommand, { kind: "lock" }>["scope"];

/** What a lock does, as `/lock` and `/locks` say it (and README, `/help`). */
const LOCK_RULE =
  "Until `/unlock`, only the owner's own deploys and the auto-deploys of the pull request the lock was taken from go through: everyone else's commands, hooks and CLI deploys are refused, other auto-deploys wait. An admin may `/unlock` it, or deploy past it with `--force`.";

/** Where a lock applies: every environment, or the environment a target deploys to from this pull request. */
async function resolveScope(ctx: CommandContext, scope: Scope) {
  if (scope.global) return { environment: GLOBAL_LOCK, target: undefined };
  const resolved = resolveCommandTarget(ctx.config, scope.target);
  if ("error" in resolved) return { error: resolved.error };
  return { environment: pullRequestEnvironment(ctx.deps.repo, resolved.target, ctx.comment.pr), target: resolved.target };
}

/** `/lock <target>|--global [--reason …] [--for …]`: holds the environment for its owner until unlocked or expired. */
export async function runLock(ctx: CommandContext, command: Extract<ParsedCommand, { kind: "lock" }>): Promise<string> {
  const scope = await resolveScope(ctx, command.scope);
  if ("error" in scope) return refusal("invalid_command", scope.error ?? "");
  const { deps, comment } = ctx;
  const now = deps.now();
  const expiresAt = command.forMs === undefined ? null : new Date(now.getTime() + command.forMs);
  // A duration the parser accepts may still end past the last instant a Date can hold.
  if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) {
    return refusal("invalid_command", "--for is too long: leave it out for a lock that lasts until `/unlock`.");
  }
  const actor = await resolveActor(deps.github, comment.author, scope.target);
  if (!mayDeploy(actor)) return refusal("not_permitted", `@${actor.login} may not deploy there, so may not lock it either.`);

  const lock: LockRecord = {
    repoId: deps.repo.id,
    environment: scope.environment,
    target: scope.target?.name ?? null,
    owner: actor.login,
    pr: comment.pr,
    reason: command.reason ?? null,
    createdAt: now,
    expiresAt,
  };
  const attempt = await deps.store.acquireLock(lock, now);
  if (!attempt.acquired) return refusal("locked", `${describe(attempt.holder)}. Ask them to unlock it, or an admin to break it.`);
  return sentence(`Locked: ${describe(attempt.lock)}. ${LOCK_RULE}`);
}

/** `/unlock <target>|--global`: the owner, or an admin, releases a lock; waiting auto-deploys then go ahead. */
export async function runUnlock(ctx: CommandContext, command: Extract<ParsedCommand, { kind: "unlock" }>): Promise<string> {
  const scope = await resolveScope(ctx, command.scope);
  if ("error" in scope) return refusal("invalid_command", scope.error ?? "");
  const { deps, comment } = ctx;
  const now = deps.now();
  const held = (await deps.store.listLocks(deps.repo.id, now)).find((lock) => lock.environment === scope.environment);
  if (held === undefined) return sentence(`${label(scope.environment)} is not locked.`);

  const actor = await resolveActor(deps.github, comment.author, scope.target);
  const own = held.owner.toLowerCase() === actor.login.toLowerCase();
  if (!(own ? mayDeploy(actor) : mayAdminister(actor))) {
    return refusal("not_permitted", `${describe(held)}; only they or an admin may unlock it.`);
  }
  await deps.store.releaseLock(deps.repo.id, scope.environment);
  await reevaluateRepository(deps);
  return sentence(`Unlocked ${label(scope.environment)}${own ? "" : ` (locked by @${held.owner})`}.`);
}

/** `/locks`: every lock in force, with owner, pull request, reason and expiry. */
export async function runLocks(ctx: CommandContext): Promise<string> {
  const locks = await ctx.deps.store.listLocks(ctx.deps.repo.id, ctx.deps.now());
  if (locks.length === 0) return sentence("Nothing is locked.");
  return ["Locks in force:", "", ...locks.map((lock) => `- ${sentence(describe(lock))}`), "", sentence(LOCK_RULE)].join("\n");
}

function label(environment: string): string {
  return environment === GLOBAL_LOCK ? "Every environment" : environment;
}

/** "production is locked by @octocat from #12 since … until … (reason)" */
function describe(lock: LockRecord): string {
  const from = lock.pr === null ? "" : ` from #${lock.pr}`;
  const until = lock.expiresAt === null ? "" : ` until ${lock.expiresAt.toISOString()}`;
  const reason = lock.reason === null ? "" : ` (${lock.reason})`;
  return `${label(lock.environment)} is locked by @${lock.owner}${from} since ${lock.createdAt.toISOString()}${until}${reason}`;
}
