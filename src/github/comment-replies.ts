import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Reacts 👀 to a command comment: seen, working on it. */
export async function reactSeen(octokit: Octokit, repo: RepoFacts, commentId: number): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({
    owner: repo.owner,
    repo: repo.name,
    comment_id: commentId,
    content: "eyes",
  });
}

/** Posts a reply on a pull request; returns the new comment's id. */
export async function postComment(octokit: Octokit, repo: RepoFacts, pr: number, body: string): Promise<number> {
  const { data } = await octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: pr, body });
  return data.id;
}

/** Replaces the body of an earlier reply. */
export async function editComment(octokit: Octokit, repo: RepoFacts, commentId: number, body: string): Promise<void> {
  await octokit.rest.issues.updateComment({ owner: repo.owner, repo: repo.name, comment_id: commentId, body });
}
