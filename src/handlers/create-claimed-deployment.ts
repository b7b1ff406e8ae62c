import { createHash } from "node:crypto";

import type { CreateDeploymentOutcome } from "../github/create-deployment.js";
import type { DeployClaim } from "../store/store.js";
import type { HandlerDeps } from "./handler-deps.js";
import type { DeploymentRequest } from "../domain/deployments.js";

/**
 * How long a claim stays an intent before another try may take it over. Longer than anything
 * between claiming and recording can take in a live process (one deployment request, 10 s at most).
 */
export const CLAIM_LEASE_MS = 30_000;

/**
 * GitHub's answer; `already_claimed` when the claim was taken before (nothing was asked of GitHub);
 * `in_progress` when another try of the same deployment is in flight until `retryAt`.
 */
export type ClaimedOutcome =
  { readonly kind: "already_claimed" } | { readonly kind: "in_progress"; readonly retryAt: Date } | CreateDeploymentOutcome;

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
 * The one way a deployment is created, exactly once per claim (auto-deploy, command comment, hook or
 * admin request), also across crashes: the claim is recorded as an intent before GitHub is asked and
 * settled once the deployment is recorded; given back when GitHub did not create it. An intent a dead
 * process left behind is reconciled by looking the deployment up (by its idempotency key) before
 * creating it.
 */
export async function createClaimedDeployment(
  deps: HandlerDeps,
  claim: DeployClaim,
  request: DeploymentRequest,
): Promise<ClaimedOutcome> {
  const { store, github } = deps;
  const key = idempotencyKey(claim);
  const result = await store.claimDeployment(claim, deps.now(), CLAIM_LEASE_MS);
  if (result.kind === "taken") return { kind: "already_claimed" };
  if (result.kind === "in_progress") return { kind: "in_progress", retryAt: result.until };

  if (result.kind === "reclaimed") {
    // An auto claim stands for "this commit is deployed there", whoever's deployment it is.
    const lookup = { sha: claim.sha, environment: claim.environment, idempotencyKey: claim.via === "auto" ? null : key };
    const found = await github.findDeployment(lookup);
    if (found !== undefined) {
      deps.log.info({ deployment: found.id, environment: claim.environment }, "found the deployment a crashed attempt created");
      await record(deps, claim, request, found);
      return { kind: "created", ...found };
    }
  }

  const outcome = await github.createDeployment({ ...request, payload: { ...request.payload, idempotency_key: key } });
  if (outcome.kind === "created") {
    await record(deps, claim, request, outcome);
  } else {
    await store.releaseDeployment(claim.repoId, claim.environment, claim.sha, claim.via);
  }
  return outcome;
}

async function record(
  deps: HandlerDeps,
  claim: DeployClaim,
  request: DeploymentRequest,
  deployment: { readonly id: number; readonly createdAt: Date },
): Promise<void> {
  await deps.store.recordDeployment({ ...claim, id: deployment.id, task: request.task, createdAt: deployment.createdAt });
  await deps.store.settleDeployment(claim, deployment.id, deps.now());
}
