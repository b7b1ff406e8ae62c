import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** The commit a branch, tag or SHA names, or undefined when the repository has no such ref. */
export async function resolveCommit(octokit: Octokit, repo: RepoFacts, ref: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getCommit({ owner: repo.owner, repo: repo.name, ref, per_page: 1 });
    return data.sha;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) return undefined;
    throw error;
  }
}
