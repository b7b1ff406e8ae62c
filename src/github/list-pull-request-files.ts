import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** The paths a pull request changes: its first 100 files, enough to spot a changed config file. */
export async function listPullRequestFiles(octokit: Octokit, repo: RepoFacts, pr: number): Promise<string[]> {
  const { data } = await octokit.rest.pulls.listFiles({ owner: repo.owner, repo: repo.name, pull_number: pr, per_page: 100 });
  return data.map((file) => file.filename);
}
