import type { ProbotOctokit } from "probot";
import type { RepoPermission } from "../domain/repo-facts.js";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A user's permission on the repository; GitHub already folds `maintain` into write and `triage` into read. */
export async function getPermission(octokit: Octokit, repo: RepoFacts, login: string): Promise<RepoPermission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: repo.owner,
      repo: repo.name,
      username: login,
    });
    const { permission } = data;
    return permission === "admin" || permission === "write" || permission === "read" ? permission : "none";
  } catch (error) {
    if ((error as { status?: number }).status === 404) return "none";
    throw error;
  }
}
