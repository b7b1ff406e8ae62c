import { createInstallationToken, getContent } from "./content-routes.js";
import { createDeployment, createDeploymentStatus, listDeployments } from "./deployment-routes.js";
import { FAKE_ROUTES, type FakeRoute } from "./fake-github-types.js";
import {
  createCheckRun,
  createComment,
  createCommentReaction,
  getPermission,
  getPullRequest,
  updateComment,
} from "./issue-routes.js";
import type { RouteHandler } from "./route-handler.js";

/** Every operation the fake answers, by `METHOD /path-template`. */
export const ROUTE_TABLE: Readonly<Record<FakeRoute, RouteHandler>> = {
  [FAKE_ROUTES.createInstallationToken]: createInstallationToken,
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
};

/** The handler for a method and template, if the fake answers that operation. */
export function findRoute(method: string, template: string): RouteHandler | undefined {
  const key = `${method} ${template}`;
  return isFakeRoute(key) ? ROUTE_TABLE[key] : undefined;
}

/** Whether a `METHOD /template` string is one of {@link FAKE_ROUTES}. */
export function isFakeRoute(key: string): key is FakeRoute {
  return Object.hasOwn(ROUTE_TABLE, key);
}
