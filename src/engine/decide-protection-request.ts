import type { DeployConfig, Target } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { ProtectionRequestFacts } from "../domain/event-facts.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { renderEnvironment } from "./build-deployment-request.js";
import type { ActorFacts } from "./command-facts.js";
import { describeMissingApprovals, describeRejection, evaluateApprovals } from "./evaluate-approvals.js";
import { evaluateGates } from "./evaluate-gates.js";
import { describeFreeze, findFreeze } from "./find-freeze.js";
import { describeLock, findLock, lockLetsThrough } from "./find-lock.js";
import { mayDeploy } from "./may-act.js";
import type { EngineState } from "./types.js";

/** What a protection rule request is about, as the engine needs it. */
export type ProtectionRequest = Pick<ProtectionRequestFacts, "environment" | "sha" | "ref" | "pr" | "requester">;

/** A protection rule request with the targets that deploy to its environment and what the edges found out. */
export interface ProtectionRequestInput {
  readonly repo: RepoFacts;
  readonly request: ProtectionRequest;
  /** The targets whose environment is the request's ({@link selectProtectedTargets}); every one's gates apply. */
  readonly targets: readonly Target[];
  /** The requester as each target sees them (repository permission, its `deployers`), by target name. */
  readonly actors: ReadonlyMap<string, ActorFacts>;
  /** `checks` and `approvals` of the request's commit, the repository's locks, and the time (freezes, expiry). */
  readonly state: Pick<EngineState, "checks" | "locks" | "now" | "approvals">;
}

/** Why a request waits: the gates that end on their own (an unlock, a freeze's end, checks reporting). */
export type HoldReason = "locked" | "frozen" | "waiting_for_checks" | "waiting_for_approval";

/**
 * The answer to a protection rule request:
 * - `approve`: the job may deploy;
 * - `hold`: not yet; decided again when the lock goes, at `wakeAt` (a freeze's end), or when checks report;
 * - `reject`: the job fails (GitHub's rejection is final for the run).
 */
export type ProtectionDecision =
  | { readonly action: "approve"; readonly target: string; readonly reason: "deployed"; readonly message: string }
  | {
      readonly action: "hold";
      readonly target: string;
      readonly reason: HoldReason;
      readonly message: string;
      readonly wakeAt: Date | null;
    }
  | { readonly action: "reject"; readonly target: string | null; readonly reason: ReasonCode; readonly message: string };

/**
 * The targets a request's environment belongs to: those whose `environment`, rendered for the
 * request's ref, commit and pull request, is that environment (GitHub compares names without case).
 */
export function selectProtectedTargets(repo: RepoFacts, config: DeployConfig, request: ProtectionRequest): Target[] {
  const wanted = request.environment.toLowerCase();
  return config.targets.filter(
    (target) => renderEnvironment(repo, target, protectedDeploy(target, request)).toLowerCase() === wanted,
  );
}

/** The request as a deploy of `target`, to render its environment for the run's ref, commit and pull request. */
function protectedDeploy(target: Target, request: ProtectionRequest): PendingDeploy {
  return { target: target.name, ref: request.ref, sha: request.sha, pr: request.pr, trigger: "protection_rule" };
}

/**
 * Decides a deployment protection rule request from the rules Deliverybot's own deploys follow:
 * the requester may deploy the target (its `deployers`, else write permission), no lock (a lock
 * lets through its owner's runs and its pull request's), no freeze, the target's named
 * `required_contexts` succeeded, and its `approvals` are in (not counting the requester's own,
 * unless self-approval is allowed). A lock, a freeze, checks still running or approvals missing
 * hold the request; a refusal that waiting cannot change (a rejection included) rejects it. An environment no target deploys to is rejected:
 * a rule turned on for it protects nothing otherwise.
 *
 * Checks are required only when the target names them: the run asking is itself a set of checks
 * on the commit, so "every check must pass" would wait for the job that waits.
 */
export function decideProtectionRequest(input: ProtectionRequestInput): ProtectionDecision {
  const decisions = input.targets.map((target) => decideTarget(input, target));
  const [first] = decisions;
  if (first === undefined) {
    const { environment } = input.request;
    const message = `No target in .github/deploy.yml deploys to ${environment}; add one with \`environment: ${environment}\`, or turn Deliverybot's protection rule off for that environment.`;
    return { action: "reject", target: null, reason: "invalid_request", message };
  }
  return decisions.find((decision) => decision.action === "reject") ?? decisions.find((d) => d.action === "hold") ?? first;
}

function decideTarget(input: ProtectionRequestInput, target: Target): ProtectionDecision {
  const { request, state } = input;
  const short = shortSha(request.sha);
  // The target's own name for the environment: locks are kept under it (GitHub's may differ in case).
  const environment = renderEnvironment(input.repo, target, protectedDeploy(target, request));
  const reject = (reason: ReasonCode, message: string): ProtectionDecision => ({
    action: "reject",
    target: target.name,
    reason,
    message,
  });
  const hold = (reason: HoldReason, message: string, wakeAt: Date | null = null): ProtectionDecision => ({
    action: "hold",
    target: target.name,
    reason,
    message,
    wakeAt,
  });

  const actor = input.actors.get(target.name);
  if (actor === undefined || !mayDeploy(actor)) {
    const who = target.deployers === undefined ? "write permission" : `to be listed in \`deployers\` of ${target.name}`;
    return reject("not_permitted", `@${request.requester} needs ${who} to deploy ${target.name}; rejected.`);
  }

  // Whoever started the run may not approve it, unless the target allows self-approval.
  const approvals = evaluateApprovals(target.approvals, target.name, state.approvals, request.requester, state.now);
  if (approvals.status === "rejected")
    return reject("approval_rejected", `${describeRejection(approvals.rejection, short)}; rejected.`);

  const owner = { kind: "user" as const, login: request.requester };
  const ownPullRequest = { kind: "auto" as const, pr: request.pr };
  const blocking = state.locks.filter((lock) => !lockLetsThrough(lock, owner) && !lockLetsThrough(lock, ownPullRequest));
  const lock = findLock(blocking, environment, { kind: "outside" });
  if (lock !== undefined)
    return hold("locked", `${describeLock(lock, environment)}; the job deploys ${short} once it is unlocked.`);

  const freeze = findFreeze(target.freezes, state.now);
  if (freeze !== undefined) {
    return hold("frozen", `${describeFreeze(freeze, environment)}; the job deploys ${short} when it ends.`, freeze.endsAt);
  }

  const required = target.requiredContexts ?? [];
  const gates = evaluateGates(required, state.checks);
  if (gates.status === "failed") {
    return reject("checks_failed", `${gates.failed.join(", ")} failed on ${short}; rejected. Run the job again once it passes.`);
  }
  if (gates.status === "waiting") {
    return hold("waiting_for_checks", `Waiting for ${gates.waitingFor.join(", ")} on ${short}; the job deploys once green.`);
  }

  if (approvals.status === "waiting" && target.approvals !== undefined) {
    const missing = describeMissingApprovals(approvals, target.approvals, target.name, short);
    return hold("waiting_for_approval", `${missing} The job deploys once approved.`);
  }

  const checked = required.length === 0 ? "" : `, ${required.join(", ")} passed`;
  return {
    action: "approve",
    target: target.name,
    reason: "deployed",
    message: `Approved ${short} for ${environment}: not locked or frozen${checked}.`,
  };
}
