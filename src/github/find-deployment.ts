import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A deployment GitHub already has, found again after a crash. */
export interface FoundDeployment {
  readonly id: number;
  readonly createdAt: Date;
}

/** What a lost deployment is recognised by: its commit and environment, and the key in its payload (any key when null). */
export interface DeploymentLookup {
  readonly sha: string;
  readonly environment: string;
  readonly idempotencyKey: string | null;
}

/**
 * Finds the newest deployment of a commit in an environment whose payload carries the key (or any,
 * for `idempotencyKey: null`): one call, made only when a claim's outcome was lost in a crash.
 */
export async function findDeployment(
  octokit: Octokit,
  repo: RepoFacts,
  lookup: DeploymentLookup,
): Promise<FoundDeployment | undefined> {
  const { data } = await octokit.rest.repos.listDeployments({
    owner: repo.owner,
    repo: repo.name,
    sha: lookup.sha,
    environment: lookup.environment,
    per_page: 100,
  });
  const found = data.find((deployment) => {
    if (lookup.idempotencyKey === null) return true;
    const payload = deployment.payload as { idempotency_key?: unknown } | string;
    return typeof payload === "object" && payload.idempotency_key === lookup.idempotencyKey;
  });
  return found === undefined ? undefined : { id: found.id, createdAt: new Date(found.created_at) };
}
