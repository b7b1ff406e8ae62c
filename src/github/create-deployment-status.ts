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

/** Marks a deployment inactive, e.g. a transient environment whose pull request closed. */
export async function markDeploymentInactive(
  octokit: Octokit,
  repo: RepoFacts,
  deploymentId: number,
  description: string,
): Promise<CreatedStatus> {
  const { data } = await octokit.rest.repos.createDeploymentStatus({
    owner: repo.owner,
    repo: repo.name,
    deployment_id: deploymentId,
    state: "inactive",
    description,
  });
  return { id: data.id, state: data.state, description: data.description ?? null, createdAt: new Date(data.created_at) };
}
