import type { DeploymentRecord, DeploymentStatusRecord } from "../domain/deployments.js";

/** A deployment with its newest status, for history views and transient clean-up. */
export interface DeploymentWithState extends DeploymentRecord {
  /** Newest status state, or null when no status arrived yet. */
  readonly state: string | null;
}

/** Deployments and their statuses, whoever created them. */
export interface DeploymentStore {
  /** Inserts or updates a deployment by GitHub id. */
  recordDeployment(deployment: DeploymentRecord): Promise<void>;
  /** Inserts a status by GitHub id; repeated deliveries are harmless. */
  recordDeploymentStatus(status: DeploymentStatusRecord): Promise<void>;
  /** Transient deployments of a pull request whose newest status is not `inactive`. */
  listActiveTransientDeployments(repoId: number, pr: number): Promise<DeploymentWithState[]>;
  /** Deployments of one environment, newest first (20 unless `limit` says otherwise), each with its newest status. */
  listDeployments(repoId: number, environment: string, limit?: number): Promise<DeploymentWithState[]>;
}
