import type { ProbotOctokit } from "probot";
import type { DeploymentRequest, RepoFacts } from "../engine/types.js";
import type { ConditionalCache } from "./conditional-cache.js";
import { createCheckRun, type CheckRunReport } from "./create-check-run.js";
import { createDeployment, type CreateDeploymentOutcome } from "./create-deployment.js";
import { markDeploymentInactive, type CreatedStatus } from "./create-deployment-status.js";
import { listPullRequestFiles } from "./list-pull-request-files.js";
import { loadConfig, type ConfigLoad } from "./load-config.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Everything the handlers ask of GitHub for one repository: the only way they reach it. */
export interface GitHubPort {
  /** The default branch's `.github/deploy.yml`, `_extends` resolved; conditional, so usually free. */
  loadConfig(): Promise<ConfigLoad>;
  /** The configuration as a commit that changed it would have it, `_extends` resolved: for reporting only. */
  loadConfigAt(sha: string): Promise<ConfigLoad>;
  /** Drops cached answers about this repository's configuration (after a push changed it). */
  forgetConfig(): void;
  listPullRequestFiles(pr: number): Promise<string[]>;
  createDeployment(request: DeploymentRequest): Promise<CreateDeploymentOutcome>;
  markDeploymentInactive(deploymentId: number, description: string): Promise<CreatedStatus>;
  createCheckRun(report: CheckRunReport): Promise<void>;
}

/** Binds the GitHub operations to one repository and one authenticated Octokit. */
export function createGitHubPort(octokit: Octokit, repo: RepoFacts, cache: ConditionalCache): GitHubPort {
  cache.attach(octokit);
  return {
    loadConfig: () => loadConfig(octokit, repo, cache),
    loadConfigAt: (sha) => loadConfig(octokit, repo, cache, sha),
    forgetConfig: () => {
      const { url } = octokit.request.endpoint("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: repo.owner,
        repo: repo.name,
        path: ".github",
      });
      cache.invalidate(url);
    },
    listPullRequestFiles: (pr) => listPullRequestFiles(octokit, repo, pr),
    createDeployment: (request) => createDeployment(octokit, repo, request),
    markDeploymentInactive: (id, description) => markDeploymentInactive(octokit, repo, id, description),
    createCheckRun: (report) => createCheckRun(octokit, repo, report),
  };
}
