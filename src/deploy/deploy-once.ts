import { createHash } from "node:crypto";
import { readDeploymentActor, readDeploymentTrigger } from "../domain/deployment-trigger.js";
import type { DeploymentRequest, DeploymentWatch } from "../domain/deployments.js";
import { shortSha } from "../domain/short-sha.js";
import type { CreateDeploymentOutcome } from "../github/create-deployment.js";
import { AUTO_CLAIM, type DeployClaim } from "../store/claim-store.js";
import type { DeployOutcome, DeploySubject } from "./deploy-outcome.js";
import { recordDecision } from "./record-decision.js";
import type { RepoContext } from "./repo-context.js";
import { retryDelay } from "./retry-delay.js";

/**
 * How long a claim stays an intent before another try may take it over. Longer than anything
 * between claiming and recording can take in a live process (one deployment request, 10 s at most).
 */
export const CLAIM_LEASE_MS = 30_000;

/** A deploy the gates let through, to be created exactly once per claim. */
export interface DeployAsk {
  /** What makes it happen once (see `DeployClaim.via`): `auto`, a comment, a hook or admin request. */
  readonly claim: DeployClaim;
  readonly request: DeploymentRequest;
  /** The engine's sentence for it, e.g. "Deploying abc1234 (main) to production." */
  readonly message: string;
  /** How long the watchdog lets the deployment wait for a status, and run. */
  readonly watch: DeploymentWatch;
  /**
   * Set for an auto-deploy, which waits in the store when GitHub cannot take it now: its failed
   * attempts so far, from which its retry backs off. Unset for a deploy somebody asked for: they
   * are told why and ask again.
   */
  readonly waiting?: { readonly attempts: number };
}

/**
 * The key a deployment's payload carries so it can be recognised as this claim's: the same
 * (repository, environment, commit, claim) always gives the same key. Downstream listeners may use it
 * to ignore a deployment they have seen.
 */
export function idempotencyKey(claim: Pick<DeployClaim, "repoId" | "environment" | "sha" | "via">): string {
  return createHash("sha256")
    .update(JSON.stringify([claim.repoId, claim.environment, claim.sha, claim.via]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * The one way a deployment is created (auto-deploy, command comment, hook or admin request),
 * exactly once per claim, also across crashes: the claim is recorded as an intent before GitHub is
 * asked and settled once the deployment is recorded; given back when GitHub did not create it. An
 * intent a dead process left behind is reconciled by looking the deployment up (by its idempotency
 * key) before creating it. Every outcome but `in_flight` is recorded as a decision.
 */
export async function deployOnce(deps: RepoContext, ask: DeployAsk): Promise<DeployOutcome> {
  const outcome = await claimAndCreate(deps, ask);
  if (outcome.kind !== "in_flight") {
    const { target, ref, sha } = outcome;
    await recordDecision(deps, { target, ref, sha, pr: ask.claim.pr, reason: outcome.reason, message: outcome.message });
  }
  return outcome;
}

async function claimAndCreate(deps: RepoContext, ask: DeployAsk): Promise<DeployOutcome> {
  const { store, github } = deps;
  const { claim, request } = ask;
  const subject: DeploySubject = { target: claim.target, environment: claim.environment, ref: claim.ref, sha: claim.sha };
  const short = shortSha(claim.sha);
  const result = await store.claimDeployment(claim, deps.now(), CLAIM_LEASE_MS);
  if (result.kind === "taken") {
    const message =
      claim.via === AUTO_CLAIM
        ? `${short} is already deployed to ${claim.environment}.`
        : `This request was handled before; ${short} is not deployed again.`;
    return { ...subject, kind: "already_deployed", reason: "already_deployed", message };
  }
  if (result.kind === "in_progress") {
    const message = `the deployment of ${short} to ${claim.environment} is in flight`;
    return { ...subject, kind: "in_flight", message, retryAt: result.until };
  }

  const key = idempotencyKey(claim);
  // What GitHub gets (and lists, for a reconciliation): the payload, marked as this claim's.
  const sent = { ...request, payload: { ...request.payload, idempotency_key: key } };
  if (result.kind === "reclaimed") {
    // An auto claim stands for "this commit is deployed there", whoever's deployment it is.
    const lookup = { sha: claim.sha, environment: claim.environment, idempotencyKey: claim.via === AUTO_CLAIM ? null : key };
    const found = await github.findDeployment(lookup);
    if (found !== undefined) {
      deps.log.info({ deployment: found.id, environment: claim.environment }, "found the deployment a crashed attempt created");
      return record(deps, ask, sent, subject, found);
    }
  }

  const created = await github.createDeployment(sent);
  if (created.kind === "created") return record(deps, ask, sent, subject, created);
  await store.releaseDeployment(claim.repoId, claim.environment, claim.sha, claim.via);
  return refusedByGitHub(deps, ask, subject, created);
}

async function record(
  deps: RepoContext,
  ask: DeployAsk,
  request: DeploymentRequest,
  subject: DeploySubject,
  deployment: { readonly id: number; readonly createdAt: Date },
): Promise<DeployOutcome> {
  const { claim } = ask;
  const trigger = readDeploymentTrigger(request.payload);
  await deps.store.recordDeployment({
    ...claim,
    id: deployment.id,
    task: request.task,
    createdAt: deployment.createdAt,
    // GitHub's webhook names the app as creator; a command's author is in the payload.
    creator: readDeploymentActor(request.payload) ?? null,
    trigger,
    description: request.description || null,
  });
  await deps.store.watchDeployment({
    deploymentId: deployment.id,
    repoId: claim.repoId,
    owner: deps.repo.owner,
    repo: deps.repo.name,
    installationId: deps.installationId,
    ...ask.watch,
    watchedAt: deps.now(),
  });
  await deps.store.settleDeployment(claim, deployment.id, deps.now());
  deps.metrics.deploymentCreated(trigger);
  const message = `${ask.message} Deployment ${deployment.id} created.`;
  return { ...subject, kind: "deployed", reason: "deployed", message, deploymentId: deployment.id };
}

/** GitHub's answer when it created nothing, in the words of what happens next. */
function refusedByGitHub(
  deps: RepoContext,
  ask: DeployAsk,
  subject: DeploySubject,
  answer: Exclude<CreateDeploymentOutcome, { kind: "created" }>,
): DeployOutcome {
  if (answer.kind === "not_now") {
    const message =
      ask.waiting === undefined
        ? `GitHub did not create the deployment: ${answer.message}`
        : `GitHub did not create the deployment yet (${answer.message}); waiting for the next check event.`;
    return { ...subject, kind: "not_now", reason: "waiting_for_checks", message };
  }
  const error = {
    ...subject,
    kind: "github_error",
    reason: "github_error",
    status: answer.status,
    detail: answer.message,
  } as const;
  if (answer.kind === "rejected") {
    const message = `GitHub rejected the deployment (${answer.status}): ${answer.message}`;
    return { ...error, message, retryable: false, retryAt: null };
  }
  const failure = `GitHub could not create the deployment (${answer.status ?? "no answer"}: ${answer.message})`;
  if (ask.waiting === undefined) return { ...error, message: `${failure}.`, retryable: true, retryAt: answer.retryAt };
  // A deploy that waits retries at the later of its backoff and the time GitHub asked for.
  const backoffAt = deps.now().getTime() + retryDelay(ask.waiting.attempts);
  const retryAt = new Date(Math.max(backoffAt, answer.retryAt?.getTime() ?? 0));
  const asked = answer.retryAt !== null && answer.retryAt.getTime() >= backoffAt ? " as GitHub asked" : "";
  return { ...error, message: `${failure}; retrying at ${retryAt.toISOString()}${asked}.`, retryable: true, retryAt };
}
