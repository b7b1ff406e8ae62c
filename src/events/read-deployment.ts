import type { Context } from "probot";
import { readDeploymentActor, readDeploymentTrigger } from "../domain/deployment-trigger.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";
import { requireId, requireText, requireTime } from "./malformed-payload.js";

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

/**
 * A deployment from a `deployment` or `deployment_status` webhook, ours or anyone's. Throws
 * `MalformedPayload` naming the field when one it needs is missing or of the wrong type.
 */
export function readDeployment(repoId: number, deployment: DeploymentPayload): DeploymentRecord {
  const event = { deployment };
  requireId(event, "deployment.id");
  requireText(event, "deployment.environment");
  requireText(event, "deployment.sha");
  requireText(event, "deployment.ref");
  requireTime(event, "deployment.created_at");
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

/**
 * A deployment status from a `deployment_status` webhook; throws `MalformedPayload` when its id,
 * state or time is missing. A state GitHub does not document is kept as it is.
 */
export function readDeploymentStatus(deploymentId: number, status: StatusPayload): DeploymentStatusRecord {
  const event = { deployment_status: status };
  requireId(event, "deployment_status.id");
  requireText(event, "deployment_status.state");
  requireTime(event, "deployment_status.created_at");
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
