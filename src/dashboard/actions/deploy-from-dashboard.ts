import { resolveActor } from "../../deploy/resolve-actor.js";
import { deployAsked } from "../../deploy/deploy-asked.js";
import type { AskedOutcome } from "../../deploy/deploy-outcome.js";
import type { RepoContext } from "../../deploy/repo-context.js";
import { shortSha } from "../../domain/short-sha.js";
import { decideCommandDeploy, type CommandDecision } from "../../engine/decide-command-deploy.js";
import { describeLock } from "../../engine/find-lock.js";
import type { ActionResult } from "./action-result.js";
import { loadDashboardTarget } from "./load-dashboard-config.js";
import { isFullSha } from "../../domain/full-sha.js";

/** A deploy asked for with the dashboard's form. */
export interface DashboardDeploy {
  /** The signed-in user: the actor, as a command's author is. */
  readonly login: string;
  readonly target: string;
  /** A branch, tag or commit SHA. */
  readonly ref: string;
  readonly force: boolean;
  /** Random, from the form: the same form sent twice deploys once. */
  readonly requestId: string;
}

/**
 * Deploys a commit from the dashboard through the same gates as `/deploy`: the target from the
 * default branch's configuration, the user's permission (write, or the target's `deployers`;
 * `--force` for its `admins`), locks and required checks; created once per form (`dashboard:<id>`
 * claim), attributed to the user (`actor` in the payload, trigger `dashboard`).
 */
export async function deployFromDashboard(deps: RepoContext, asked: DashboardDeploy): Promise<ActionResult> {
  const loaded = await loadDashboardTarget(deps, asked.target);
  if ("refused" in loaded) return loaded.refused;
  const { target } = loaded;
  const sha = await deps.github.resolveCommit(asked.ref);
  if (sha === undefined)
    return { kind: "refused", reason: "invalid_command", message: `There is no branch, tag or commit ${asked.ref} here.` };
  const commit = { ref: isFullSha(asked.ref) ? sha : asked.ref, sha };

  const [actor, checks, locks, approvals] = await Promise.all([
    resolveActor(deps.github, asked.login, target),
    deps.store.listChecks(deps.repo.id, sha),
    deps.store.listLocks(deps.repo.id, deps.now()),
    deps.store.listApprovals(deps.repo.id, sha),
  ]);
  const decision = decideCommandDeploy({
    repo: deps.repo,
    target,
    actor,
    pr: null,
    commit,
    force: asked.force,
    params: {},
    gates: "evaluate",
    state: { checks, locks, now: deps.now(), approvals },
  });
  return carryOut(deps, decision, {
    target: target.name,
    ...commit,
    login: asked.login,
    requestId: asked.requestId,
    force: asked.force,
  });
}

/**
 * Carries out a decision about a deploy from the dashboard: recorded when refused, created once per
 * form (`dashboard:<request-id>` claim) when not, kept while it waits for approvals, and told in
 * the dashboard's words.
 */
export async function carryOut(
  deps: RepoContext,
  decision: CommandDecision,
  asked: {
    readonly target: string;
    readonly ref: string;
    readonly sha: string;
    readonly login: string;
    readonly requestId: string;
    readonly force: boolean;
  },
): Promise<ActionResult> {
  const { target, ref, sha, login, requestId, force } = asked;
  const asker = { kind: "dashboard" as const, login, force };
  const outcome = await deployAsked(deps, decision, { target, ref, sha, pr: null, via: `dashboard:${requestId}`, asker });
  const result = describeOutcome(outcome, login);
  if (result.kind !== "done" || decision.action !== "deploy" || decision.forcedPast === undefined) return result;
  return {
    kind: "done",
    message: `${result.message} ${describeLock(decision.forcedPast, outcome.environment)}: --force deployed past it; the lock stays.`,
  };
}

/** The outcome in the dashboard's words. */
function describeOutcome(outcome: AskedOutcome, login: string): ActionResult {
  const short = shortSha(outcome.sha);
  switch (outcome.kind) {
    case "deployed":
      return {
        kind: "done",
        message: `Deployed ${short} (${outcome.ref}) to ${outcome.environment}: deployment ${outcome.deploymentId}, by @${login}.`,
      };
    case "already_deployed":
      return { kind: "done", message: `This form already deployed ${short} to ${outcome.environment}.` };
    case "in_flight":
      return { kind: "refused", reason: "already_deployed", message: `${outcome.message} Reload the page in a moment.` };
    case "refused":
      return { kind: "refused", reason: outcome.reason, message: outcome.message };
    case "waiting":
      return { kind: "waiting", reason: outcome.reason, message: outcome.message };
    case "not_now":
    case "github_error":
      return { kind: "refused", reason: outcome.reason, message: `${outcome.message}. Try again.` };
  }
}
