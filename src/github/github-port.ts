import type { ProbotOctokit } from "probot";
import type { DeploymentRequest } from "../domain/deployments.js";
import type { ChangedFiles } from "../domain/event-facts.js";
import type { Metrics } from "../domain/metrics.js";
import type { RepoFacts, RepoPermission } from "../domain/repo-facts.js";
import { editComment, postComment, reactSeen } from "./comment-replies.js";
import { compareCommits } from "./compare-commits.js";
import { createCheckRun, type CheckRunReport } from "./create-check-run.js";
import { createDeploymentStatus, type CreatedStatus, type ReportedState } from "./create-deployment-status.js";
import { createDeployment, type CreateDeploymentOutcome } from "./create-deployment.js";
import { findDeployment, type DeploymentLookup, type FoundDeployment } from "./find-deployment.js";
import { getDefaultBranchHead } from "./get-default-branch-head.js";
import { getPermission } from "./get-permission.js";
import { getPullRequest, type PullRequestHeadFacts } from "./get-pull-request.js";
import type { GitHubCaches } from "./github-caches.js";
import { isTeamMember } from "./is-team-member.js";
import { listPullRequestFiles } from "./list-pull-request-files.js";
import { listRecentCommits, type RecentCommit } from "./list-recent-commits.js";
import { loadConfig, type ConfigLoad } from "./load-config.js";
import { observeGitHubCalls } from "./observe-github-calls.js";
import { resolveCommit } from "./resolve-commit.js";
import { reviewProtectionRule, type ProtectionReview } from "./review-protection-rule.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Everything the handlers ask of GitHub for one repository: the only way they reach it. */
export interface GitHubPort {
  /** The default branch's `.github/deploy.yml`, `_extends` resolved; conditional, so usually free. */
  loadConfig(): Promise<ConfigLoad>;
  /** The configuration as a commit that changed it would have it, `_extends` resolved: for reporting only. */
  loadConfigAt(sha: string): Promise<ConfigLoad>;
  /**
   * The configuration as loaded by this process within the last few seconds (`RECENT_CONFIG_TTL_MS`),
   * else {@link loadConfig}: for announcements, which may lag a change by that much; never for gates.
   */
  loadRecentConfig(): Promise<ConfigLoad>;
  /** Drops cached answers about this repository's configuration (after a push changed it). */
  forgetConfig(): void;
  /** The files a pull request changes at this head commit (cached per head), or unknown when GitHub lists too many. */
  listPullRequestFiles(pr: number, headSha: string): Promise<ChangedFiles>;
  /** The files `base...head` changes (cached: two commits compare the same forever), or unknown when GitHub cannot tell. */
  compareCommits(base: string, head: string): Promise<ChangedFiles>;
  createDeployment(request: DeploymentRequest): Promise<CreateDeploymentOutcome>;
  /** A deployment GitHub already has (after a crash lost our record of it). */
  findDeployment(lookup: DeploymentLookup): Promise<FoundDeployment | undefined>;
  /** Reports a status on a deployment (140 characters of description at most). */
  createDeploymentStatus(deploymentId: number, state: ReportedState, description: string): Promise<CreatedStatus>;
  createCheckRun(report: CheckRunReport): Promise<void>;
  /** The user's repository permission (cached for a minute). */
  getPermission(login: string): Promise<RepoPermission>;
  /** Whether the user is an active member of `org/team` (cached for five minutes). */
  isTeamMember(team: string, login: string): Promise<boolean>;
  getPullRequest(pr: number): Promise<PullRequestHeadFacts>;
  /** The commit a branch, tag or SHA names; undefined when there is none. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /** The default branch's name and head commit; undefined when the repository has no commits. */
  getDefaultBranchHead(): Promise<{ readonly ref: string; readonly sha: string } | undefined>;
  /** The default branch's newest commits (conditional, so free while the branch has not moved). */
  listRecentCommits(count: number): Promise<RecentCommit[]>;
  reactSeen(commentId: number): Promise<void>;
  postComment(pr: number, body: string): Promise<number>;
  editComment(commentId: number, body: string): Promise<void>;
  /** Answers a workflow run's deployment protection rule request, or tells it why it still waits. */
  reviewProtectionRule(review: ProtectionReview): Promise<void>;
}

/**
 * Binds the GitHub operations to one repository and one authenticated Octokit, whose answers are
 * counted in `metrics` (GitHub's own: a 304 the cache turns into its stored answer counts as 304).
 */
export function createGitHubPort(octokit: Octokit, repo: RepoFacts, caches: GitHubCaches, metrics: Metrics): GitHubPort {
  observeGitHubCalls(octokit, metrics);
  caches.responses.attach(octokit);
  return {
    loadConfig: () => loadConfig(octokit, repo, caches.responses),
    loadConfigAt: (sha) => loadConfig(octokit, repo, caches.responses, sha),
    loadRecentConfig: () => caches.recentConfigs.get(String(repo.id), () => loadConfig(octokit, repo, caches.responses)),
    forgetConfig: () => {
      caches.recentConfigs.delete(String(repo.id));
      const { url } = octokit.request.endpoint("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: repo.owner,
        repo: repo.name,
        path: ".github",
      });
      caches.responses.invalidate(url);
    },
    listPullRequestFiles: (pr, headSha) =>
      caches.changedFiles.get(`${repo.id}:pull:${pr}:${headSha}`, () => listPullRequestFiles(octokit, repo, pr)),
    compareCommits: (base, head) =>
      caches.changedFiles.get(`${repo.id}:compare:${base}...${head}`, () => compareCommits(octokit, repo, base, head)),
    createDeployment: (request) => createDeployment(octokit, repo, request),
    findDeployment: (lookup) => findDeployment(octokit, repo, lookup),
    createDeploymentStatus: (id, state, description) => createDeploymentStatus(octokit, repo, id, state, description),
    createCheckRun: (report) => createCheckRun(octokit, repo, report),
    getPermission: (login) => caches.permissions.get(`${repo.id}:${login}`, () => getPermission(octokit, repo, login)),
    isTeamMember: (team, login) => caches.teams.get(`${team.toLowerCase()}:${login}`, () => isTeamMember(octokit, team, login)),
    getPullRequest: (pr) => getPullRequest(octokit, repo, pr),
    resolveCommit: (ref) => resolveCommit(octokit, repo, ref),
    getDefaultBranchHead: () => getDefaultBranchHead(octokit, repo),
    listRecentCommits: (count) => listRecentCommits(octokit, repo, count),
    reactSeen: (commentId) => reactSeen(octokit, repo, commentId),
    postComment: (pr, body) => postComment(octokit, repo, pr, body),
    editComment: (commentId, body) => editComment(octokit, repo, commentId, body),
    reviewProtectionRule: (review) => reviewProtectionRule(octokit, repo, review),
  };
}
