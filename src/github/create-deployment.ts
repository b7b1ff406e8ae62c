import type { ProbotOctokit } from "probot";
import type { DeploymentRequest, RepoFacts } from "../engine/types.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** What GitHub made of a deployment request. */
export type CreateDeploymentOutcome =
  | { readonly kind: "created"; readonly id: number; readonly createdAt: Date }
  /** 409 (required contexts not green, or a merge conflict) or 202 (auto-merge made a merge commit): not now. */
  | { readonly kind: "not_now"; readonly message: string }
  /** Any other 4xx: GitHub will not accept this request as it is; retrying will not help. */
  | { readonly kind: "rejected"; readonly status: number; readonly message: string }
  /** 5xx, rate limit or network: worth retrying later. */
  | { readonly kind: "unavailable"; readonly status: number | null; readonly message: string };

/**
 * Creates a deployment. Retries are off for this call: a 409 is an expected answer that the
 * retry plugin would otherwise repeat four times over 14 s; our own queue retries 5xx later.
 */
export async function createDeployment(
  octokit: Octokit,
  repo: RepoFacts,
  request: DeploymentRequest,
): Promise<CreateDeploymentOutcome> {
  try {
    const response = await octokit.rest.repos.createDeployment({
      owner: repo.owner,
      repo: repo.name,
      ...request,
      request: { retries: 0 },
    });
    const { data } = response;
    if (!("id" in data)) {
      return { kind: "not_now", message: data.message ?? "GitHub merged the default branch first" };
    }
    return { kind: "created", id: data.id, createdAt: new Date(data.created_at) };
  } catch (error) {
    return classifyError(error);
  }
}

function classifyError(error: unknown): CreateDeploymentOutcome {
  const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : null;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 409) return { kind: "not_now", message };
  const rateLimited = status === 403 || status === 429;
  if (status !== null && status >= 400 && status < 500 && !rateLimited) return { kind: "rejected", status, message };
  return { kind: "unavailable", status, message };
}
