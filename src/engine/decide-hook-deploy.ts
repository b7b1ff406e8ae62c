import type { Target } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { JsonValue } from "../domain/json-value.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { buildDeploymentRequest, deploymentWatch, renderEnvironment } from "./build-deployment-request.js";
import type { CommandDecision } from "./decide-command-deploy.js";
import { describeMissingApprovals, describeRejection, evaluateApprovals } from "./evaluate-approvals.js";
import { evaluateGates } from "./evaluate-gates.js";
import { describeFreeze, findFreeze } from "./find-freeze.js";
import { describeLock, findLock } from "./find-lock.js";
import type { EngineState } from "./types.js";

/** A deploy an inbound hook asked for, with everything the edges found out. */
export interface HookDeployInput {
  readonly repo: RepoFacts;
  /** The target the request selected; it lists the hook in its `hooks`. */
  readonly target: Target;
  readonly hookName: string;
  /** The commit the request resolved to, and the branch or tag it came by. */
  readonly commit: { readonly ref: string; readonly sha: string };
  /** The image (Docker Hub's `repo_name`) and tag the request announced, when it named them. */
  readonly image: string | undefined;
  readonly tag: string | undefined;
  /** `checks` of `commit.sha`, the repository's locks, and the time (freezes). */
  readonly state: Pick<EngineState, "checks" | "locks" | "now" | "approvals">;
}

/** Deploy now, wait for approvals, or refuse with a reason: the same answer a command gets. */
export type HookDecision = CommandDecision;

/**
 * Who asks for a deploy from outside GitHub: an inbound hook (by its name), or the admin API
 * (`deliverybot deploy`), whose token is the permission.
 */
export type DeployAsker = { readonly kind: "hook"; readonly name: string } | { readonly kind: "admin" };

/** A deploy a hook or the admin API asked for. */
export type AskedDeployInput = Omit<HookDeployInput, "hookName"> & { readonly asker: DeployAsker };

/**
 * Decides a hook deploy: locks, freezes (no `--force` from outside), then checks unless the target
 * sets `hook_checks: false`. A hook
 * has no pull request, so every lock on the environment stops it. Like a command it waits only for
 * approvals: otherwise the sender hears at once why nothing deployed and may call again.
 */
export function decideHookDeploy(input: HookDeployInput): HookDecision {
  const { hookName, ...rest } = input;
  return decideAskedDeploy({ ...rest, asker: { kind: "hook", name: hookName } });
}

/**
 * Decides a deploy a hook or the admin API asked for. The admin API always requires the target's
 * checks (`hook_checks` is about hooks) and never forces past them.
 */
export function decideAskedDeploy(input: AskedDeployInput): HookDecision {
  const { repo, target, commit, asker } = input;
  const trigger = asker.kind === "hook" ? "hook" : "admin";
  const deploy: PendingDeploy = { target: target.name, ref: commit.ref, sha: commit.sha, pr: null, trigger };
  const environment = renderEnvironment(repo, target, deploy);
  const short = shortSha(commit.sha);
  const again = asker.kind === "hook" ? "call the hook again" : "deploy again";
  const refuse = (reason: ReasonCode, message: string): HookDecision => ({ action: "refuse", environment, reason, message });

  const lock = findLock(input.state.locks, environment, { kind: "outside" });
  if (lock !== undefined) return refuse("locked", `${describeLock(lock, environment)}; ${again} once it is unlocked.`);

  const freeze = findFreeze(target.freezes, input.state.now);
  if (freeze !== undefined) return refuse("frozen", `${describeFreeze(freeze, environment)}; ${again} after it ends.`);

  if (asker.kind === "admin" || target.hookChecks) {
    const gates = evaluateGates(target.requiredContexts, input.state.checks);
    if (gates.status === "failed") return refuse("checks_failed", `${gates.failed.join(", ")} failed on ${short}.`);
    if (gates.status === "waiting") {
      return refuse("waiting_for_checks", `Waiting for ${gates.waitingFor.join(", ")} on ${short}; ${again} once green.`);
    }
  }

  const approvals = evaluateApprovals(target.approvals, target.name, input.state.approvals, null, input.state.now);
  if (approvals.status === "rejected") return refuse("approval_rejected", `${describeRejection(approvals.rejection, short)}.`);
  if (approvals.status === "waiting" && target.approvals !== undefined) {
    const missing = describeMissingApprovals(approvals, target.approvals, target.name, short);
    return { action: "wait", environment, reason: "waiting_for_approval", message: `${missing} It deploys once approved.` };
  }

  const built = buildDeploymentRequest(repo, target, deploy, approvals.by);
  // Set only when the request named them: a target's own `payload.image` stays for plain hooks.
  const announced: { [key: string]: JsonValue } = asker.kind === "hook" ? { hook: asker.name } : {};
  if (input.image !== undefined) announced["image"] = input.image;
  if (input.tag !== undefined) announced["tag"] = input.tag;
  const request = { ...built, payload: { ...built.payload, ...announced } };
  const by = asker.kind === "hook" ? `for hook ${asker.name}` : "for the admin API";
  return {
    action: "deploy",
    environment,
    request,
    watch: deploymentWatch(target),
    message: `Deploying ${short} (${commit.ref}) to ${environment} ${by}.`,
  };
}
