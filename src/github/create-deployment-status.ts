import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A deployment status as GitHub stored it. */
export interface CreatedStatus {
  readonly id: number;
  readonly state: string;
  readonly description: string | null;
  readonly createdAt: Date;
}

/** The states Deliverybot reports on deployments: `inactive` (a transient environment whose pull request closed), `error` (the watchdog). */
export type ReportedState = "inactive" | "error";

/** Reports a status on a deployment; GitHub keeps at most 140 characters of the description. */
export async function createDeploymentStatus(
  octokit: Octokit,
  repo: RepoFacts,
  deploymentId: number,
  state: ReportedState,
  description: string,
): Promise<CreatedStatus> {
  const { data } = await octokit.rest.repos.createDeploymentStatus({
    owner: repo.owner,
    repo: repo.name,
    deployment_id: deploymentId,
    state,
    description,
  });
  return { id: data.id, state: data.state, description: data.description ?? null, createdAt: new Date(data.created_at) };
}
