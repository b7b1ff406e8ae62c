import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../engine/types.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A file's text at a commit, or undefined when it does not exist there. */
export async function getFileText(octokit: Octokit, repo: RepoFacts, path: string, ref: string): Promise<string | undefined> {
  try {
    const response = await octokit.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.name,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    return typeof response.data === "string" ? response.data : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
