import { summariseChecks } from "../domain/checks.js";
import type { GitHubPort } from "../github/github-port.js";
import type { RecentCommit } from "../github/list-recent-commits.js";
import type { VisibleRepository } from "../github/user-github.js";
import type { DeploymentSearch, DeploymentWithState } from "../store/deployment-store.js";
import type { ProtectionRequestRecord } from "../store/protection-request-store.js";
import { openAsApp } from "./action-routes.js";
import type { DashboardParts } from "./dashboard-parts.js";
import type { SignedIn } from "./signed-in.js";
import type { ConfigStatus } from "./views/action-forms.js";
import type { CommitRow, RepositoryData } from "./views/repository-page.js";
import type { HeldJob, WaitingApproval, WaitingAsk, WaitingDeploy } from "./views/waiting-list.js";

/** Deployments in flight are those created in the last day. */
const IN_FLIGHT_WINDOW_MS = 24 * 3_600_000;
/** Deployments on the repository page. */
export const RECENT_DEPLOYMENTS = 20;
/** Commits of the default branch on the repository page. */
export const RECENT_COMMITS = 15;

/** What the repository page asks GitHub (as the app's installation), and when it asked. */
export interface RepositoryFromGitHub {
  readonly config: ConfigStatus;
  /** The default branch's newest commits; undefined when GitHub could not be asked. */
  readonly commits: readonly RecentCommit[] | undefined;
  /** Epoch ms: a newer answer makes a page's data be read again. */
  readonly readAt: number;
}

/** One page of the history: one more deployment than the page shows (there is a next page), and the environments. */
export interface HistoryData {
  readonly deployments: readonly DeploymentWithState[];
  readonly environments: readonly string[];
}

/**
 * The repository's configuration as the gates load it and its default branch's newest commits:
 * conditional requests, free while nothing changed. A GitHub failure leaves that part out of the
 * page rather than failing it.
 */
export async function readFromGitHub(
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
): Promise<RepositoryFromGitHub> {
  const readAt = parts.now().getTime();
  const warn = (error: unknown, what: string) =>
    parts.log.warn({ err: error, repo: `${repo.owner}/${repo.name}` }, `dashboard: could not load ${what}`);
  let github: GitHubPort;
  try {
    github = (await openAsApp(parts, signedIn, repo, "dashboard:page")).github;
  } catch (error) {
    warn(error, "the repository");
    return { config: { kind: "unavailable" }, commits: undefined, readAt };
  }
  const [config, commits] = await Promise.all([
    readConfigStatus(github).catch((error: unknown): ConfigStatus => {
      warn(error, "the configuration");
      return { kind: "unavailable" };
    }),
    github.listRecentCommits(RECENT_COMMITS).catch((error: unknown) => {
      warn(error, "the recent commits");
      return undefined;
    }),
  ]);
  return { config, commits, readAt };
}

async function readConfigStatus(github: GitHubPort): Promise<ConfigStatus> {
  const loaded = await github.loadConfig();
  if (loaded.kind === "missing") return { kind: "missing" };
  if (loaded.kind === "invalid") return { kind: "invalid", problems: loaded.problems };
  return {
    kind: "ok",
    targets: loaded.config.targets.map((target) => target.name),
    defaultTarget: loaded.config.defaultTarget,
  };
}

/** The repository page's store reads: environments, in flight, waiting and why (deploys, asked deploys and held jobs), locks, latest deployments, the commits' checks and deployments. */
export async function readRepositoryData(
  parts: Pick<DashboardParts, "store">,
  repoId: number,
  now: Date,
  commits: readonly RecentCommit[] | undefined,
): Promise<RepositoryData> {
  const { store } = parts;
  const [current, inFlight, pending, heldJobs, askedDeploys, locks, recent] = await Promise.all([
    store.listCurrentDeployments([repoId]),
    store.listDeploymentsInFlight(repoId, new Date(now.getTime() - IN_FLIGHT_WINDOW_MS)),
    store.listPendingByRepo(repoId),
    store.listProtectionRequests(repoId),
    store.listAskedDeploysByRepo(repoId),
    store.listLocks(repoId, now),
    store.searchDeployments(repoId, { limit: RECENT_DEPLOYMENTS }),
  ]);
  const [waiting, asked, held, commitRows] = await Promise.all([
    Promise.all(
      pending.map(async (deploy): Promise<WaitingDeploy> => {
        const [why] = await store.listDecisions(repoId, { sha: deploy.sha, target: deploy.target, limit: 1 });
        if (why?.reason !== "waiting_for_approval") return { pending: deploy, why };
        return { pending: deploy, why, approval: await readApproval(store, repoId, deploy.sha, deploy.target) };
      }),
    ),
    Promise.all(
      askedDeploys.map(async (ask): Promise<WaitingAsk> => ({
        ask,
        approval: await readApproval(store, repoId, ask.sha, ask.target),
      })),
    ),
    Promise.all(heldJobs.map((job) => describeHeldJob(store, repoId, job))),
    describeCommits(parts, repoId, commits, current),
  ]);
  return { current, inFlight, waiting, asked, heldJobs: held, locks, recent, commits: commitRows };
}

/** A held job, with who approved it when it waits for approval (the target it waits on is the one its hold was decided for). */
async function describeHeldJob(store: DashboardParts["store"], repoId: number, job: ProtectionRequestRecord): Promise<HeldJob> {
  if (job.reason !== "waiting_for_approval") return job;
  const decisions = await store.listDecisions(repoId, { sha: job.sha, limit: 20 });
  const target = decisions.find((decision) => decision.reason === job.reason && decision.message === job.message)?.target;
  if (target === undefined || target === null) return job;
  return { ...job, approval: await readApproval(store, repoId, job.sha, target) };
}

/** Who approved a commit for a target so far (each person's latest word). */
async function readApproval(
  store: DashboardParts["store"],
  repoId: number,
  sha: string,
  target: string,
): Promise<WaitingApproval> {
  const approvals = await store.listApprovals(repoId, sha);
  const approved = approvals.filter(
    (approval) => approval.verdict === "approved" && approval.target.toLowerCase() === target.toLowerCase(),
  );
  return { target, approved };
}

/** Each commit with its checks and where it went (two store queries), from what the webhooks told. */
async function describeCommits(
  parts: Pick<DashboardParts, "store">,
  repoId: number,
  commits: readonly RecentCommit[] | undefined,
  current: readonly DeploymentWithState[],
): Promise<readonly CommitRow[] | undefined> {
  if (commits === undefined) return undefined;
  const shas = commits.map((commit) => commit.sha);
  const [checks, deployments] = await Promise.all([
    parts.store.listChecksOfCommits(repoId, shas),
    parts.store.listDeploymentsOfCommits(repoId, shas),
  ]);
  const currentIds = new Set(current.map((deployment) => deployment.id));
  return commits.map((commit) => ({
    commit,
    checks: summariseChecks(checks.filter((check) => check.sha === commit.sha)),
    deployments: deployments
      .filter((deployment) => deployment.sha === commit.sha)
      .map((deployment) => ({ deployment, current: currentIds.has(deployment.id) })),
  }));
}

/** One page of the history and the environments to filter by. */
export async function readHistoryData(parts: DashboardParts, repoId: number, search: DeploymentSearch): Promise<HistoryData> {
  const [deployments, environments] = await Promise.all([
    parts.store.searchDeployments(repoId, search),
    parts.store.listEnvironments(repoId),
  ]);
  return { deployments, environments };
}
