import { getAvatar } from "./avatar-route.js";
import { getCommit, listCommits } from "./commit-routes.js";
import { createInstallationToken, getContent } from "./content-routes.js";
import { createDeployment, createDeploymentStatus, listDeployments } from "./deployment-routes.js";
import { FAKE_ROUTES, FAKE_WEB_ROUTES, type FakeRoute } from "./fake-github-types.js";
import {
  createCheckRun,
  createComment,
  createCommentReaction,
  getPermission,
  getPullRequest,
  reviewProtectionRule,
  updateComment,
} from "./issue-routes.js";
import { authorizeUser, exchangeCode } from "./oauth-routes.js";
import { getRepoInstallation, getRepository } from "./repository-routes.js";
import type { RouteHandler } from "./route-handler.js";
import { getAuthenticatedUser, listInstallationReposForUser, listInstallationsForUser } from "./user-routes.js";

/** Every operation the fake answers, by `METHOD /path-template`. */
export const ROUTE_TABLE: Readonly<Record<FakeRoute, RouteHandler>> = {
  [FAKE_ROUTES.createInstallationToken]: createInstallationToken,
  [FAKE_ROUTES.getRepoInstallation]: getRepoInstallation,
  [FAKE_ROUTES.getRepository]: getRepository,
  [FAKE_ROUTES.getContent]: getContent,
  [FAKE_ROUTES.createDeployment]: createDeployment,
  [FAKE_ROUTES.listDeployments]: listDeployments,
  [FAKE_ROUTES.createDeploymentStatus]: createDeploymentStatus,
  [FAKE_ROUTES.createCheckRun]: createCheckRun,
  [FAKE_ROUTES.createCommentReaction]: createCommentReaction,
  [FAKE_ROUTES.createComment]: createComment,
  [FAKE_ROUTES.updateComment]: updateComment,
  [FAKE_ROUTES.getPermission]: getPermission,
  [FAKE_ROUTES.getPullRequest]: getPullRequest,
  [FAKE_ROUTES.getCommit]: getCommit,
  [FAKE_ROUTES.listCommits]: listCommits,
  [FAKE_ROUTES.reviewProtectionRule]: reviewProtectionRule,
  [FAKE_ROUTES.getAuthenticatedUser]: getAuthenticatedUser,
  [FAKE_ROUTES.listInstallationsForUser]: listInstallationsForUser,
  [FAKE_ROUTES.listInstallationReposForUser]: listInstallationReposForUser,
  [FAKE_WEB_ROUTES.authorizeUser]: authorizeUser,
  [FAKE_WEB_ROUTES.exchangeCode]: exchangeCode,
  [FAKE_WEB_ROUTES.getAvatar]: getAvatar,
};

/** The handler for a method and template, if the fake answers that operation. */
export function findRoute(method: string, template: string): RouteHandler | undefined {
  const key = `${method} ${template}`;
  return isFakeRoute(key) ? ROUTE_TABLE[key] : undefined;
}

/** Whether a `METHOD /template` string is one of {@link FAKE_ROUTES} or {@link FAKE_WEB_ROUTES}. */
export function isFakeRoute(key: string): key is FakeRoute {
  return Object.hasOwn(ROUTE_TABLE, key);
}

/** A request outside `/api/v3` matched to one of {@link FAKE_WEB_ROUTES}. */
export interface WebMatch {
  /** E.g. `/avatars/u/{user_id}`. */
  readonly template: string;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
}

/** Matches `GET /avatars/u/1234?v=4` to `GET /avatars/u/{user_id}`, and so on; `undefined` for anything else. */
export function matchWebRoute(method: string, url: string): WebMatch | undefined {
  const { pathname, searchParams } = new URL(url, "http://fake.invalid");
  for (const route of Object.values(FAKE_WEB_ROUTES)) {
    const [routeMethod = "", template = ""] = route.split(" ");
    if (routeMethod !== method) continue;
    const names: string[] = [];
    const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const found = new RegExp(`^${source}$`).exec(pathname);
    if (found === null) continue;
    const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? "")]));
    return { template, params, query: Object.fromEntries(searchParams) };
  }
  return undefined;
}
