import type { ProbotOctokit } from "probot";
import type { ChangedFiles } from "../domain/event-facts.js";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** GitHub lists at most this many files of a pull request; one listing this many may have more. */
export const MAX_PULL_REQUEST_FILES = 3000;

/**
 * The paths a pull request changes (compared with its base, as GitHub shows them), a renamed file
 * under both its names: every page of 100, so at most 30 calls. `"unknown"` when GitHub's list
 * reaches its limit and may have left files out.
 */
export async function listPullRequestFiles(octokit: Octokit, repo: RepoFacts, pr: number): Promise<ChangedFiles> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: repo.owner,
    repo: repo.name,
    pull_number: pr,
    per_page: 100,
  });
  if (files.length >= MAX_PULL_REQUEST_FILES) return "unknown";
  return [
    ...new Set(
      files.flatMap((file) => [file.filename, ...(file.previous_filename === undefined ? [] : [file.previous_filename])]),
    ),
  ];
}
