import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** An answer to a protection rule request: `approved` or `rejected` ends it; a comment alone tells why it still waits. */
export interface ProtectionReview {
  readonly runId: number;
  readonly environment: string;
  readonly state: "approved" | "rejected" | undefined;
  readonly comment: string;
}

/** GitHub shows at most this much of a review's comment; longer ones are cut with an ellipsis. */
const MAX_COMMENT_LENGTH = 1_000;

/**
 * Answers a deployment protection rule request of a workflow run (`POST …/actions/runs/{run_id}/
 * deployment_protection_rule`), the endpoint its callback URL names, with the app's installation token.
 */
export async function reviewProtectionRule(octokit: Octokit, repo: RepoFacts, review: ProtectionReview): Promise<void> {
  const comment =
    review.comment.length > MAX_COMMENT_LENGTH ? `${review.comment.slice(0, MAX_COMMENT_LENGTH - 1)}…` : review.comment;
  const base = { owner: repo.owner, repo: repo.name, run_id: review.runId, environment_name: review.environment };
  if (review.state === undefined) {
    await octokit.rest.actions.reviewCustomGatesForRun({ ...base, comment });
    return;
  }
  await octokit.rest.actions.reviewCustomGatesForRun({ ...base, state: review.state, comment });
}
