import type { ProbotOctokit } from "probot";

import { resolveCommit } from "./resolve-commit.js";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/**
 * The default branch's name and newest commit; undefined for a repository without commits. The
 * repository read goes through the conditional cache, so asking again usually costs nothing.
 */
export async function getDefaultBranchHead(
  octokit: Octokit,
  repo: RepoFacts,
): Promise<{ readonly ref: string; readonly sha: string } | undefined> {
  const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.name });
  const sha = await resolveCommit(octokit, repo, data.default_branch);
  return sha === undefined ? undefined : { ref: data.default_branch, sha };
}
