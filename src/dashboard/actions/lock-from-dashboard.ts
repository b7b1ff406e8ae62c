import { resolveActor } from "../../deploy/resolve-actor.js";
import type { Target } from "../../config/model.js";
import type { RepoContext } from "../../deploy/repo-context.js";
import { GLOBAL_LOCK } from "../../domain/locks.js";
import { renderEnvironment } from "../../engine/build-deployment-request.js";
import { mayAdminister, mayDeploy } from "../../engine/may-act.js";
import { reevaluateRepository } from "../../handlers/reevaluate-repository.js";
import type { LockRecord } from "../../store/lock-store.js";
import type { ActionResult } from "./action-result.js";
import { loadDashboardTarget } from "./load-dashboard-config.js";

/** A lock or unlock asked for with the dashboard: a target's environment, or every environment (`target` undefined). */
export interface DashboardLock {
  readonly login: string;
  readonly target: string | undefined;
  readonly reason: string | null;
  /** How long it holds; null: until unlocked. */
  readonly forMs: number | null;
}

/** Locks an environment as the signed-in user, with the rules of `/lock`: whoever may deploy there may lock it. */
export async function lockFromDashboard(deps: RepoContext, asked: DashboardLock): Promise<ActionResult> {
  const scope = await resolveScope(deps, asked.target);
  if ("refused" in scope) return scope.refused;
  const now = deps.now();
  const expiresAt = asked.forMs === null ? null : new Date(now.getTime() + asked.forMs);
  if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) {
    return {
      kind: "refused",
      reason: "invalid_command",
      message: "That lock would last too long: leave the duration empty to lock until unlocked.",
    };
  }
  const actor = await resolveActor(deps.github, asked.login, scope.target);
  if (!mayDeploy(actor)) {
    return {
      kind: "refused",
      reason: "not_permitted",
      message: `@${actor.login} may not deploy there, so may not lock it either.`,
    };
  }
  const lock: LockRecord = {
    repoId: deps.repo.id,
    environment: scope.environment,
    target: scope.target?.name ?? null,
    owner: actor.login,
    pr: null,
    reason: asked.reason,
    createdAt: now,
    expiresAt,
  };
  const attempt = await deps.store.acquireLock(lock, now);
  if (!attempt.acquired) {
    return {
      kind: "refused",
      reason: "locked",
      message: `${label(scope.environment)} is locked by @${attempt.holder.owner}. Ask them to unlock it, or an admin to.`,
    };
  }
  const until = expiresAt === null ? "until unlocked" : `until ${expiresAt.toISOString()}`;
  return {
    kind: "done",
    message: `Locked ${label(scope.environment)} for @${actor.login}, ${until}: only their own deploys go through.`,
  };
}

/** Unlocks as the signed-in user, with the rules of `/unlock`: the owner, or an admin; waiting auto-deploys then go ahead. */
export async function unlockFromDashboard(
  deps: RepoContext,
  asked: Pick<DashboardLock, "login" | "target">,
): Promise<ActionResult> {
  const scope = await resolveScope(deps, asked.target);
  if ("refused" in scope) return scope.refused;
  const held = (await deps.store.listLocks(deps.repo.id, deps.now())).find((lock) => lock.environment === scope.environment);
  if (held === undefined) return { kind: "done", message: `${label(scope.environment)} is not locked.` };
  const actor = await resolveActor(deps.github, asked.login, scope.target);
  const own = held.owner.toLowerCase() === actor.login.toLowerCase();
  if (!(own ? mayDeploy(actor) : mayAdminister(actor))) {
    return {
      kind: "refused",
      reason: "not_permitted",
      message: `${label(scope.environment)} is locked by @${held.owner}; only they or an admin may unlock it.`,
    };
  }
  await deps.store.releaseLock(deps.repo.id, scope.environment);
  await reevaluateRepository(deps);
  return { kind: "done", message: `Unlocked ${label(scope.environment)}${own ? "" : ` (locked by @${held.owner})`}.` };
}

/** The environment a target deploys to outside any pull request, or every environment. */
async function resolveScope(
  deps: RepoContext,
  targetName: string | undefined,
): Promise<{ readonly environment: string; readonly target: Target | undefined } | { readonly refused: ActionResult }> {
  if (targetName === undefined) return { environment: GLOBAL_LOCK, target: undefined };
  const loaded = await loadDashboardTarget(deps, targetName);
  if ("refused" in loaded) return loaded;
  const { target } = loaded;
  const environment = renderEnvironment(deps.repo, target, {
    target: target.name,
    ref: "",
    sha: "",
    pr: null,
    trigger: "dashboard",
  });
  return { environment, target };
}

function label(environment: string): string {
  return environment === GLOBAL_LOCK ? "Every environment" : environment;
}
