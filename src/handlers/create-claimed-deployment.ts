import type { DeploymentRequest } from "../engine/types.js";
import type { CreateDeploymentOutcome } from "../github/create-deployment.js";
import type { DeployClaim } from "../store/store.js";
import type { HandlerDeps } from "./handler-deps.js";

/** GitHub's answer, or `already_claimed` when the claim was taken before: nothing was asked of GitHub. */
export type ClaimedOutcome = { readonly kind: "already_claimed" } | CreateDeploymentOutcome;

/**
 * The one way a deployment is created: the claim is taken before GitHub is asked, the created
 * deployment is recorded, and the claim is given back when GitHub did not create it — so each
 * claim (auto-deploy, command comment, hook request) deploys at most once.
 */
export async function createClaimedDeployment(
  deps: HandlerDeps,
  claim: DeployClaim,
  request: DeploymentRequest,
): Promise<ClaimedOutcome> {
  const { store } = deps;
  if (!(await store.claimDeployment(claim))) return { kind: "already_claimed" };
  const outcome = await deps.github.createDeployment(request);
  if (outcome.kind === "created") {
    await store.recordDeployment({ ...claim, id: outcome.id, task: request.task, createdAt: outcome.createdAt });
  } else {
    await store.releaseDeployment(claim.repoId, claim.environment, claim.sha, claim.via);
  }
  return outcome;
}
