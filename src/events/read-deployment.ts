import type { Context } from "probot";
import { readDeploymentActor, readDeploymentTrigger } from "../domain/deployment-trigger.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";

/** The fields both `deployment` and `deployment_status` payloads carry for the deployment. */
interface DeploymentPayload {
  readonly id: number;
  readonly environment: string;
  readonly sha: string;
  readonly ref: string;
  readonly task: string;
  readonly payload: unknown;
  readonly transient_environment?: boolean;
  readonly created_at: string;
  readonly description?: string | null;
  readonly creator?: { readonly login?: string } | null;
}
type StatusPayload = Context<"deployment_status">["payload"]["deployment_status"];

/** A deployment from a `deployment` or `deployment_status` webhook, ours or anyone's. */
export function readDeployment(repoId: number, deployment: DeploymentPayload): DeploymentRecord {
  const payload = typeof deployment.payload === "object" && deployment.payload !== null ? deployment.payload : {};
  const { target, pr, ref: payloadRef } = payload as { target?: unknown; pr?: unknown; ref?: unknown };
  return {
    id: deployment.id,
    repoId,
    environment: deployment.environment,
    sha: deployment.sha,
    // Deliverybot deploys the SHA and carries the branch or tag in the payload; keep the name.
    ref: typeof payloadRef === "string" ? payloadRef : deployment.ref,
    task: deployment.task,
    target: typeof target === "string" ? target : null,
    pr: typeof pr === "number" ? pr : null,
    transient: deployment.transient_environment === true,
    createdAt: new Date(deployment.created_at),
    creator: readDeploymentActor(payload) ?? deployment.creator?.login ?? null,
    trigger: readDeploymentTrigger(payload),
    description: deployment.description || null,
  };
}

/** A deployment status from a `deployment_status` webhook. */
export function readDeploymentStatus(deploymentId: number, status: StatusPayload): DeploymentStatusRecord {
  return {
    id: status.id,
    deploymentId,
    state: status.state,
    description: status.description ?? null,
    environmentUrl: status.environment_url ?? null,
    logUrl: status.log_url ?? null,
    createdAt: new Date(status.created_at),
  };
}
