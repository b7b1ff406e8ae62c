import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** What a command needs to know about its pull request that the comment payload does not say. */
export interface PullRequestHeadFacts {
  readonly headSha: string;
  readonly headRef: string;
  readonly fromFork: boolean;
  readonly draft: boolean;
  readonly state: string;
  /** Who opened it. */
  readonly author: string;
  /** The commit its merge made on the base branch; null until merged. */
  readonly mergeCommitSha: string | null;
}

/** The pull request's head as GitHub has it now (the `issue_comment` payload has no head). */
export async function getPullRequest(octokit: Octokit, repo: RepoFacts, pr: number): Promise<PullRequestHeadFacts> {
  const { data } = await octokit.rest.pulls.get({ owner: repo.owner, repo: repo.name, pull_number: pr });
  return {
    headSha: data.head.sha,
    headRef: `refs/heads/${data.head.ref}`,
    fromFork: data.head.repo?.id !== data.base.repo.id,
    draft: data.draft === true,
    state: data.state,
    author: data.user.login,
    mergeCommitSha: data.merged ? (data.merge_commit_sha ?? null) : null,
  };
}
