import type { Probot } from "probot";
import type { AppParts } from "./app.js";
import { createChannelNames, createNotificationOutbox } from "./deploy/notification-outbox.js";
import type { OpenRepoContext } from "./deploy/repo-context.js";
import { createGitHubPort } from "./github/github-port.js";
import type { FindRepository } from "./web/admin-route.js";

/** Links in notifications point here unless the app runs against GitHub Enterprise Server. */
const GITHUB_URL = "https://github.com";

/**
 * The one place a repository's work gets its context: GitHub as the app's installation on it
 * (through the process-wide caches), the store and the clock. Webhooks, the retry sweep, hooks and
 * the admin API all open their contexts here.
 */
export function createRepoContexts(app: Probot, parts: AppParts): OpenRepoContext {
  const outbox = {
    store: parts.store,
    channelNames: createChannelNames(parts.store, parts.now),
    now: parts.now,
    githubUrl: parts.notifications?.githubUrl ?? GITHUB_URL,
    onQueued: parts.notifications?.onQueued ?? (() => {}),
  };
  return async ({ repo, installationId }, { log, origin }) => ({
    repo,
    installationId,
    github: createGitHubPort(await app.auth(installationId), repo, parts.caches, parts.metrics),
    store: parts.store,
    log,
    now: parts.now,
    metrics: parts.metrics,
    notifications: createNotificationOutbox(outbox, repo),
    origin,
  });
}

/**
 * Finds the app's installation on a repository by its name: the installation with the app's JWT,
 * then the repository's id with the installation's token.
 */
export function createFindRepository(app: Probot): FindRepository {
  return async (owner, repo) => {
    const { data: installation } = await (await app.auth()).rest.apps.getRepoInstallation({ owner, repo });
    const { data } = await (await app.auth(installation.id)).rest.repos.get({ owner, repo });
    return { repoId: data.id, owner: data.owner.login, repo: data.name, installationId: installation.id };
  };
}
