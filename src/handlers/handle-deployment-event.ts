import type { RepoContext } from "../deploy/repo-context.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";

/**
 * A `deployment` or `deployment_status` webhook: recorded as history per environment, whoever
 * created the deployment (a manual deployment also counts as "already deployed").
 */
export async function handleDeploymentEvent(
  deps: RepoContext,
  deployment: DeploymentRecord,
  status: DeploymentStatusRecord | null,
): Promise<void> {
  await deps.store.recordDeployment(deployment);
  if (status === null) return;
  await deps.store.recordDeploymentStatus(status);
  deps.log.info({ deployment: deployment.id, environment: deployment.environment, state: status.state }, "deployment status");
}
