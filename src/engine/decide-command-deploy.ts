import type { Target } from "../config/model.js";
import type { DeploymentRequest, DeploymentWatch, PendingDeploy } from "../domain/deployments.js";
import type { LockFact } from "../domain/locks.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { buildDeploymentRequest, deploymentWatch, renderEnvironment } from "./build-deployment-request.js";
import type { ActorFacts, PullRequestFacts } from "./command-facts.js";
import { describeMissingApprovals, describeRejection, evaluateApprovals } from "./evaluate-approvals.js";
import { evaluateGates } from "./evaluate-gates.js";
import { describeFreeze, findFreeze } from "./find-freeze.js";
import { describeLock, findLock } from "./find-lock.js";
import { mayAdminister, mayDeploy } from "./may-act.js";
import type { EngineState } from "./types.js";

/** A `/deploy`, `/noop` or `/rollback`, or a deploy asked from the dashboard, with everything the edges found out. */
export interface CommandDeployInput {
  readonly repo: RepoFacts;
  readonly target: Target;
  readonly actor: ActorFacts;
  /** The pull request the command was written on; null for a deploy asked from the dashboard. */
  readonly pr: PullRequestFacts | null;
  /** What to deploy: the pull request's head, or the commit a ref named in the command resolved to. */
  readonly commit: { readonly ref: string; readonly sha: string };
  readonly force: boolean;
  readonly params: Readonly<Record<string, string>>;
  /**
   * `evaluate`: our own gates, from the check facts of `commit` in `state`. `github`: only
   * GitHub's verification of `required_contexts` (a rollback's old commit has no facts here).
   */
  readonly gates: "evaluate" | "github";
  /** `checks` and `approvals` of `commit.sha`, the repository's locks, and the time (freezes, expiry). */
  readonly state: Pick<EngineState, "checks" | "locks" | "now" | "approvals">;
}

/**
 * Deploy now, wait for the target's approvals (the request is kept and decided again once they are
 * in), or refuse with a reason and a sentence that says what would make it work. A deploy an admin
 * forced past someone else's lock names that lock (`forcedPast`).
 */
export type CommandDecision =
  | {
      readonly action: "deploy";
      readonly environment: string;
      readonly request: DeploymentRequest;
      readonly watch: DeploymentWatch;
      readonly message: string;
      readonly forcedPast?: LockFact;
    }
  | {
      readonly action: "wait";
      readonly environment: string;
      readonly reason: "waiting_for_approval";
      readonly message: string;
    }
  | { readonly action: "refuse"; readonly environment: string; readonly reason: ReasonCode; readonly message: string };

/**
 * Decides a deploy a person asked for, in a comment or on the dashboard: permission, then for a
 * comment its pull request (closed, forks, drafts, a moved head), then locks, freezes and checks;
 * the first that fails is the answer. A lock stops everyone but its owner; an admin's `--force`
 * goes past it, past a freeze, and past the checks. Unlike an auto-deploy it waits for nothing but
 * the target's approvals (which `--force` does not replace): it deploys now or says why not.
 */
export function decideCommandDeploy(input: CommandDeployInput): CommandDecision {
  const { repo, target, actor, pr, commit } = input;
  const trigger = pr === null ? "dashboard" : "command";
  const deploy: PendingDeploy = { target: target.name, ref: commit.ref, sha: commit.sha, pr: pr?.number ?? null, trigger };
  const environment = renderEnvironment(repo, target, deploy);
  const refuse = (reason: ReasonCode, message: string): CommandDecision => ({ action: "refuse", environment, reason, message });
  const again = pr === null ? "deploy again" : "comment again";

  if (!mayDeploy(actor)) {
    const who = target.deployers === undefined ? "write permission" : `to be listed in \`deployers\` of ${target.name}`;
    return refuse("not_permitted", `@${actor.login} needs ${who} to deploy ${target.name}.`);
  }
  if (input.force && !mayAdminister(actor)) {
    const who = target.admins === undefined ? "repository admins" : `the \`admins\` of ${target.name}`;
    return refuse("not_permitted", `--force deploys past the checks and locks and is for ${who} only.`);
  }
  const prRefusal = pr === null ? undefined : refusePullRequest(pr, target, commit.sha);
  if (prRefusal !== undefined) return refuse(prRefusal.reason, prRefusal.message);
  // Only --force by an admin (checked above) deploys past someone else's lock.
  const lock = findLock(input.state.locks, environment, { kind: "user", login: actor.login });
  if (lock !== undefined && !input.force) {
    const how = pr === null ? "unlock it" : "`/unlock` it";
    const unlock = `Only @${lock.owner}'s own deploys pass it; @${lock.owner} or an admin may ${how}, and an admin may deploy past it with \`--force\`.`;
    return refuse("locked", `${describeLock(lock, environment)}. ${unlock}`);
  }

  const freeze = findFreeze(target.freezes, input.state.now);
  if (freeze !== undefined && !input.force) {
    const who = target.admins === undefined ? "A repository admin" : `One of the \`admins\` of ${target.name}`;
    return refuse("frozen", `${describeFreeze(freeze, environment)}. ${who} may deploy anyway with \`--force\`.`);
  }

  if (!input.force && input.gates === "evaluate") {
    const gates = evaluateGates(target.requiredContexts, input.state.checks);
    if (gates.status === "failed")
      return refuse("checks_failed", `${gates.failed.join(", ")} failed on ${shortSha(commit.sha)}.`);
    if (gates.status === "waiting") {
      return refuse(
        "waiting_for_checks",
        `Waiting for ${gates.waitingFor.join(", ")} on ${shortSha(commit.sha)}; ${again} once green.`,
      );
    }
  }

  // A rollback returns to a commit that already went out: its approvals are not asked again.
  const approvals =
    input.gates === "evaluate"
      ? evaluateApprovals(target.approvals, target.name, input.state.approvals, actor.login, input.state.now)
      : { status: "approved" as const, by: [] };
  if (approvals.status === "rejected") {
    return refuse("approval_rejected", `${describeRejection(approvals.rejection, shortSha(commit.sha))}.`);
  }
  if (approvals.status === "waiting" && target.approvals !== undefined) {
    const missing = describeMissingApprovals(approvals, target.approvals, target.name, shortSha(commit.sha));
    const message = `${missing} It deploys once approved; \`--force\` does not replace approvals.`;
    return { action: "wait", environment, reason: "waiting_for_approval", message };
  }

  const built = buildDeploymentRequest(repo, target, deploy, approvals.by);
  const payload = { ...built.payload, params: { ...input.params }, actor: actor.login };
  const request: DeploymentRequest = input.force ? { ...built, payload, required_contexts: [] } : { ...built, payload };
  const past = lock === undefined ? "" : ` past the lock of @${lock.owner}, with --force`;
  return {
    action: "deploy",
    environment,
    request,
    watch: deploymentWatch(target),
    message: `Deploying ${shortSha(commit.sha)} (${commit.ref}) to ${environment}${past}.`,
    ...(lock === undefined ? {} : { forcedPast: lock }),
  };
}

/** Why a command's pull request cannot deploy: closed, from a fork, a draft, or its head moved after the comment. */
function refusePullRequest(
  pr: PullRequestFacts,
  target: Target,
  sha: string,
): { readonly reason: ReasonCode; readonly message: string } | undefined {
  if (!pr.open)
    return { reason: "not_permitted", message: `Pull request #${pr.number} is closed; deploy from an open pull request.` };
  if (pr.fromFork && !target.allowForks) {
    return { reason: "not_permitted", message: `${target.name} does not deploy pull requests from forks.` };
  }
  if (pr.draft && !target.allowDrafts)
    return { reason: "not_permitted", message: `${target.name} does not deploy draft pull requests.` };
  if (pr.headMovedSinceComment && sha === pr.headSha) {
    return {
      reason: "head_moved",
      message: `The pull request's head moved to ${shortSha(sha)} after this comment; comment again to deploy it.`,
    };
  }
  return undefined;
}
