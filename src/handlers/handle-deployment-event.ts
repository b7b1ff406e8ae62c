import type { RepoContext } from "../deploy/repo-context.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";
import { lifecycleOf } from "../domain/lifecycle.js";
import { notifyDeployment } from "./notify-deployment.js";
import { promoteAfter } from "./promote-after.js";

/**
 * A `deployment` or `deployment_status` webhook: recorded as history per environment, whoever
 * created the deployment (a manual deployment also counts as "already deployed"). A status in a
 * state GitHub does not document is kept, and says nothing about where the deployment stands.
 * Each lifecycle state reached is announced to the channels the configuration names, and moves the
 * promotions from that environment on.
 */
export async function handleDeploymentEvent(
  deps: RepoContext,
  deployment: DeploymentRecord,
  status: DeploymentStatusRecord | null,
): Promise<void> {
  await deps.store.recordDeployment(deployment);
  if (status === null) {
    await notifyDeployment(deps, deployment, "created", null);
    await promoteAfter(deps, deployment, "created");
    return;
  }
  await deps.store.recordDeploymentStatus(status);
  const where = { deployment: deployment.id, environment: deployment.environment, state: status.state };
  const lifecycle = lifecycleOf(status.state);
  if (lifecycle === undefined) {
    deps.log.warn(where, "deployment status in a state GitHub does not document: kept, lifecycle unchanged");
    return;
  }
  deps.log.info({ ...where, lifecycle }, "deployment status");
  await notifyDeployment(deps, deployment, lifecycle, status);
  await promoteAfter(deps, deployment, lifecycle);
}
