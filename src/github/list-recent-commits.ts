import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** One commit of the default branch, as a page lists it. */
export interface RecentCommit {
  readonly sha: string;
  /** The first line of the message. */
  readonly headline: string;
  /** The GitHub login of the author, or the name in the commit when GitHub matched no account. */
  readonly author: string;
  readonly authoredAt: Date;
  readonly url: string;
}

/**
 * The newest `count` commits of the default branch (GitHub's list without a `sha` is the default
 * branch's). Through the conditional cache: a page view while the branch has not moved costs a 304,
 * which GitHub does not count. An empty repository (409) has none.
 */
export async function listRecentCommits(octokit: Octokit, repo: RepoFacts, count: number): Promise<RecentCommit[]> {
  try {
    const { data } = await octokit.rest.repos.listCommits({ owner: repo.owner, repo: repo.name, per_page: count });
    return data.map((commit) => ({
      sha: commit.sha,
      headline: commit.commit.message.split("\n", 1)[0] ?? "",
      author: commit.author?.login ?? commit.commit.author?.name ?? "unknown",
      authoredAt: new Date(commit.commit.author?.date ?? commit.commit.committer?.date ?? 0),
      url: commit.html_url,
    }));
  } catch (error) {
    if ((error as { status?: number }).status === 409) return [];
    throw error;
  }
}
