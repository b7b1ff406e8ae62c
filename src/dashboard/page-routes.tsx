import type { ServerResponse } from "node:http";
import { LIFECYCLE_STATES, type Lifecycle } from "../domain/lifecycle.js";
import { DEPLOYMENT_TRIGGERS, type DeploymentTrigger } from "../domain/deployments.js";
import type { VisibleRepository } from "../github/user-github.js";
import type { DeploymentSearch } from "../store/deployment-store.js";
import type { DashboardParts } from "./dashboard-parts.js";
import { newRequestId } from "./action-routes.js";
import { readFromGitHub, readHistoryData, readRepositoryData } from "./page-data.js";
import { sendJsonNoStore, sendPage } from "./send-page.js";
import type { SignedIn } from "./signed-in.js";
import { HistoryPage, type HistoryFilter } from "./views/history-page.js";
import { HomePage } from "./views/home-page.js";
import { NotFoundPage } from "./views/not-found-page.js";
import { RepositoryPage } from "./views/repository-page.js";
import { WhyPage } from "./views/why-page.js";

/** Deployments per page of the history. */
export const HISTORY_PAGE_SIZE = 50;

/** `GET /dashboard`: every repository the user can see, with what is deployed in each environment (one store query). */
export async function showHome(res: ServerResponse, parts: DashboardParts, signedIn: SignedIn): Promise<void> {
  const repositories = await parts.visible.list(signedIn.session.id, signedIn.github);
  const current = await parts.store.listCurrentDeployments(repositories.map((repo) => repo.id));
  const rows = repositories.map((repo) => ({
    repo,
    repoUrl: repoUrl(parts, repo),
    current: current.filter((deployment) => deployment.repoId === repo.id),
  }));
  sendPage(res, 200, <HomePage viewer={signedIn.viewer} now={parts.now()} rows={rows} />, parts.settings.github.web);
}

/**
 * `GET /dashboard/<owner>/<repo>`: the repository's environments, what is in flight and waits, its
 * locks, latest deployments and commits. Its data is read again when the repository's version in
 * the store moved, GitHub's answers are a few seconds old, or the data is (see `DashboardCaches`).
 */
export async function showRepository(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
): Promise<void> {
  const now = parts.now();
  // Read first: a change made while the page is assembled shows as a newer version, and refreshes it.
  const version = await parts.versions.version(repo.id);
  const fromGitHub = await parts.caches.github.get(String(repo.id), () => readFromGitHub(parts, signedIn, repo));
  const data = await parts.caches.repositoryPages.get(`${repo.id} ${version} ${fromGitHub.readAt}`, () =>
    readRepositoryData(parts, repo.id, now, fromGitHub.commits),
  );
  const view = {
    ...data,
    owner: repo.owner,
    name: repo.name,
    repoUrl: repoUrl(parts, repo),
    config: fromGitHub.config,
    requestId: newRequestId(),
  };
  const live = { url: `${pagePath(repo)}/version`, version, pollMs: parts.settings.pollMs };
  sendPage(res, 200, <RepositoryPage viewer={signedIn.viewer} now={now} view={view} live={live} />, parts.settings.github.web);
}

/** `GET /dashboard/<owner>/<repo>/version`: what the page's script compares, as JSON. */
export async function sendVersion(res: ServerResponse, parts: DashboardParts, repoId: number): Promise<void> {
  const version = await parts.versions.version(repoId);
  sendJsonNoStore(res, { version });
}

/** `GET /dashboard/<owner>/<repo>/deployments`: the history, filtered by the query string, one page at a time. */
export async function showHistory(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  query: URLSearchParams,
): Promise<void> {
  const filter = readHistoryFilter(query);
  const page = readPage(query.get("page"));
  const search: DeploymentSearch = {
    ...toSearch(filter),
    limit: HISTORY_PAGE_SIZE + 1,
    offset: (page - 1) * HISTORY_PAGE_SIZE,
  };
  const version = await parts.versions.version(repo.id);
  const { deployments: found, environments } = await parts.caches.historyPages.get(
    `${repo.id} ${version} ${JSON.stringify(search)}`,
    () => readHistoryData(parts, repo.id, search),
  );
  const view = {
    owner: repo.owner,
    name: repo.name,
    repoUrl: repoUrl(parts, repo),
    filter,
    environments,
    deployments: found.slice(0, HISTORY_PAGE_SIZE),
    page,
    hasNext: found.length > HISTORY_PAGE_SIZE,
  };
  sendPage(res, 200, <HistoryPage viewer={signedIn.viewer} now={parts.now()} view={view} />, parts.settings.github.web);
}

/** `GET /dashboard/<owner>/<repo>/why?sha=<sha>[&target=<name>]`: the decisions about a commit. */
export async function showWhy(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  query: URLSearchParams,
): Promise<void> {
  const sha = query.get("sha")?.toLowerCase() ?? "";
  if (!/^[0-9a-f]{40}$/.test(sha)) return showNotFound(res, parts, signedIn, "That commit");
  const target = query.get("target") || undefined;
  const decisions = await parts.store.listDecisions(repo.id, { sha, limit: 50, ...(target === undefined ? {} : { target }) });
  const view = { owner: repo.owner, name: repo.name, repoUrl: repoUrl(parts, repo), sha, target, decisions };
  sendPage(res, 200, <WhyPage viewer={signedIn.viewer} now={parts.now()} view={view} />, parts.settings.github.web);
}

/** The same page whether the repository does not exist, is not installed, or is hidden from the user. */
export function showNotFound(res: ServerResponse, parts: DashboardParts, signedIn: SignedIn | undefined, what: string): void {
  sendPage(res, 404, <NotFoundPage viewer={signedIn?.viewer} what={what} />, parts.settings.github.web);
}

/** The filters a query string sets; values outside the closed lists are ignored, as are empty ones. */
export function readHistoryFilter(query: URLSearchParams): HistoryFilter {
  const text = (name: string, max: number) => {
    const value = query.get(name)?.trim() ?? "";
    return value === "" || value.length > max ? undefined : value;
  };
  const lifecycle = text("lifecycle", 20);
  const trigger = text("trigger", 20);
  const environment = text("environment", 255);
  const creator = text("creator", 39);
  return {
    ...(environment === undefined ? {} : { environment }),
    ...(lifecycle !== undefined && (LIFECYCLE_STATES as readonly string[]).includes(lifecycle) ? { lifecycle } : {}),
    ...(trigger !== undefined && (DEPLOYMENT_TRIGGERS as readonly string[]).includes(trigger) ? { trigger } : {}),
    ...(creator === undefined ? {} : { creator }),
  };
}

function toSearch(filter: HistoryFilter): Omit<DeploymentSearch, "limit"> {
  return {
    ...(filter.environment === undefined ? {} : { environment: filter.environment }),
    ...(filter.lifecycle === undefined ? {} : { lifecycle: filter.lifecycle as Lifecycle }),
    ...(filter.trigger === undefined ? {} : { trigger: filter.trigger as DeploymentTrigger }),
    ...(filter.creator === undefined ? {} : { creator: filter.creator }),
  };
}

/** A 1-based page number; anything else is page 1. Pages past 1,000 are not served (deep offsets are slow). */
function readPage(raw: string | null): number {
  const page = Number(raw ?? "1");
  return Number.isSafeInteger(page) && page >= 1 && page <= 1_000 ? page : 1;
}

function pagePath(repo: VisibleRepository): string {
  return `/dashboard/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

function repoUrl(parts: DashboardParts, repo: VisibleRepository): string {
  return `${parts.settings.github.web}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}
