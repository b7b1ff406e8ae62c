import type { Target } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { buildDeploymentRequest, deploymentWatch, renderEnvironment } from "./build-deployment-request.js";
import { describeMissingApprovals, describeRejection, evaluateApprovals } from "./evaluate-approvals.js";
import { evaluateGates } from "./evaluate-gates.js";
import { describeFreeze, findFreeze } from "./find-freeze.js";
import { describeLock, findLock } from "./find-lock.js";
import { findMergeQueueHold } from "./find-merge-queue-hold.js";
import { describeUnreportedChecks, findUnreportedChecks } from "./find-unreported-checks.js";
import type { Decision, EngineState } from "./types.js";

/** What one target's decision needs to know about the commit. */
export interface TargetFacts {
  readonly repo: RepoFacts;
  readonly target: Target;
  readonly deploy: PendingDeploy;
  readonly state: EngineState;
}

/**
 * Decides one auto-deploy of one target: already deployed → drop; rejected by an approver → drop;
 * locked → wait for the unlock; frozen → wait for the freeze's end (`wakeAt`); checks not green →
 * wait (a failed check keeps the deploy pending so that a successful re-run counts); approvals
 * missing → wait for `/approve`; for a `coalesce` target, a merge group still in flight for its
 * branch → wait for the queue to drain (at most an hour); otherwise deploy, with the approvals in
 * the payload.
 */
export function decideTarget(facts: TargetFacts): Decision {
  const { repo, target, deploy } = facts;
  const base = { target: target.name, ref: deploy.ref, sha: deploy.sha, pr: deploy.pr };
  const environment = renderEnvironment(repo, target, deploy);
  const commit = shortSha(deploy.sha);

  if (facts.state.deployedEnvironments.has(environment)) {
    const message = `${commit} is already deployed to ${environment}.`;
    return { ...base, action: "drop", reason: "already_deployed", message };
  }

  const approvals = evaluateApprovals(target.approvals, target.name, facts.state.approvals, null, facts.state.now);
  if (approvals.status === "rejected") {
    const message = `${describeRejection(approvals.rejection, commit)}; it does not deploy to ${environment}.`;
    return { ...base, action: "drop", reason: "approval_rejected", message };
  }

  const lock = findLock(facts.state.locks, environment, { kind: "auto", pr: deploy.pr });
  if (lock !== undefined) {
    const message = `${describeLock(lock, environment)}; ${commit} deploys once it is unlocked.`;
    return { ...base, action: "wait", trigger: deploy.trigger, reason: "locked", message };
  }

  const freeze = findFreeze(target.freezes, facts.state.now);
  if (freeze !== undefined) {
    const message = `${describeFreeze(freeze, environment)}; ${commit} deploys when it ends.`;
    return { ...base, action: "wait", trigger: deploy.trigger, reason: "frozen", message, wakeAt: freeze.endsAt };
  }

  const gates = evaluateGates(target.requiredContexts, facts.state.checks);
  if (gates.status === "failed") {
    const message = `${gates.failed.join(", ")} failed on ${commit}; ${environment} deploys once a re-run succeeds.`;
    return { ...base, action: "wait", trigger: deploy.trigger, reason: "checks_failed", message };
  }
  if (gates.status === "waiting") {
    const waiting = `Waiting for ${gates.waitingFor.join(", ")} on ${commit} before deploying to ${environment}.`;
    const unreported = findUnreportedChecks(deploy, gates.waitingFor, target.requiredContexts, facts.state.mergeGroups);
    const message = unreported.length === 0 ? waiting : `${waiting} ${describeUnreportedChecks(unreported)}`;
    return { ...base, action: "wait", trigger: deploy.trigger, reason: "waiting_for_checks", message };
  }

  if (approvals.status === "waiting" && target.approvals !== undefined) {
    const message = describeMissingApprovals(approvals, target.approvals, target.name, commit);
    return { ...base, action: "wait", trigger: deploy.trigger, reason: "waiting_for_approval", message };
  }

  const hold = findMergeQueueHold(target, deploy, facts.state.mergeGroups, facts.state.now);
  if (hold !== undefined) {
    const groups = hold.inFlight === 1 ? "1 merge group is" : `${hold.inFlight} merge groups are`;
    const message = `${groups} still in the merge queue for ${deploy.ref}; ${commit} deploys to ${environment} once the queue drains, unless a newer commit lands first.`;
    return { ...base, action: "wait", trigger: deploy.trigger, reason: "waiting_for_merge_queue", message, wakeAt: hold.until };
  }

  const request = buildDeploymentRequest(repo, target, deploy, approvals.by);
  const message = `Deploying ${commit} (${deploy.ref}) to ${environment}.`;
  return { ...base, action: "deploy", reason: "deployed", request, watch: deploymentWatch(target), message };
}
