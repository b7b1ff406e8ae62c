import type { ProbotOctokit } from "probot";
import type { ChangedFiles } from "../domain/event-facts.js";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/**
 * Diffs list at most this many files where GitHub Actions' path filters read them; a comparison
 * listing this many may have more, so it counts as unknown (and path filters let it through).
 */
export const MAX_COMPARED_FILES = 300;

/**
 * The files that differ between `base` and what `head` adds to their common ancestor (GitHub's
 * `base...head` comparison), a renamed file under both its names. Asked for page 1 of one commit:
 * with paging, GitHub lists every changed file on page 1 and no more commits than asked for.
 * `"unknown"` when GitHub cannot compare them (404, 422: a SHA it no longer has, no common
 * history) or the list may be cut short; other faults are thrown, so the work is tried again.
 */
export async function compareCommits(octokit: Octokit, repo: RepoFacts, base: string, head: string): Promise<ChangedFiles> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: repo.owner,
      repo: repo.name,
      basehead: `${base}...${head}`,
      per_page: 1,
      page: 1,
    });
    const files = data.files ?? [];
    if (files.length >= MAX_COMPARED_FILES) return "unknown";
    return [
      ...new Set(
        files.flatMap((file) => [file.filename, ...(file.previous_filename === undefined ? [] : [file.previous_filename])]),
      ),
    ];
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) return "unknown";
    throw error;
  }
}
