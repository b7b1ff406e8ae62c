import type { ProbotOctokit } from "probot";

import { classifyGitHubFault, errorText, httpStatusOf } from "./github-fault.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import type { DeploymentRequest } from "../domain/deployments.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** What GitHub made of a deployment request. */
export type CreateDeploymentOutcome =
  | { readonly kind: "created"; readonly id: number; readonly createdAt: Date }
  /** 409 (required contexts not green, or a merge conflict) or 202 (auto-merge made a merge commit): not now. */
  | { readonly kind: "not_now"; readonly message: string }
  /** Any other 4xx: GitHub will not accept this request as it is; retrying will not help. */
  | { readonly kind: "rejected"; readonly status: number; readonly message: string }
  /**
   * 5xx, rate limit or no answer (status null): worth retrying later. `retryAt` is when GitHub
   * said to try again (a rate limit), else null: the caller picks a backoff.
   */
  | { readonly kind: "unavailable"; readonly status: number | null; readonly message: string; readonly retryAt: Date | null };

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

/**
 * GitHub's own clock decides when a rate limit ends, so `retryAt` is computed from the real time,
 * not from the app's (testable) clock. Anything that is not a 409 or a 4xx refusal is retried:
 * an unexpected error must not lose the deploy.
 */
function classifyError(error: unknown): CreateDeploymentOutcome {
  const status = httpStatusOf(error);
  const message = errorText(error);
  if (status === 409) return { kind: "not_now", message };
  const fault = classifyGitHubFault(error, new Date());
  if (fault.kind === "failed" && status !== null) return { kind: "rejected", status, message };
  return { kind: "unavailable", status, message, retryAt: fault.kind === "rate_limited" ? fault.retryAt : null };
}
