import type { ProbotOctokit } from "probot";
import type { RepoFacts } from "../domain/repo-facts.js";

type Octokit = InstanceType<typeof ProbotOctokit>;
type CreateParams = Parameters<Octokit["rest"]["checks"]["create"]>[0];

/** A completed check run as Deliverybot reports it. */
export type CheckRunReport = Pick<NonNullable<CreateParams>, "name" | "head_sha" | "conclusion" | "output">;

/** Creates a completed check run on a commit. */
export async function createCheckRun(octokit: Octokit, repo: RepoFacts, report: CheckRunReport): Promise<void> {
  await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.name,
    status: "completed",
    completed_at: new Date().toISOString(),
    ...report,
  });
}
