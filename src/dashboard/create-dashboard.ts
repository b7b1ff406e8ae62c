import type { IncomingMessage, ServerResponse } from "node:http";
import { readLimitedBody } from "../web/read-limited-body.js";
import type { DashboardParts } from "./dashboard-parts.js";
import { showMetrics } from "./metrics-route.js";
import { sendVersion, showHistory, showHome, showNotFound, showRepository, showWhy } from "./page-routes.js";
import { createAssetServer } from "./serve-asset.js";
import { redirect, sendPage, sendText } from "./send-page.js";
import { finishSignIn, signOut, startSignIn } from "./sign-in-routes.js";
import { loadSignedIn, type SignedIn } from "./signed-in.js";
import { postApprove, postDeploy, postLock, postRollback, postUnlock, readActionForm } from "./action-routes.js";

/** The actions of the repository page, by the last segment of their path. */
const ACTIONS = {
  deploy: postDeploy,
  rollback: postRollback,
  lock: postLock,
  unlock: postUnlock,
  approve: postApprove,
} as const;
import { SignInPage } from "./views/sign-in-page.js";

/** Form bodies (sign-out, later the actions) past this many bytes are refused. */
const MAX_FORM_BYTES = 8 * 1024;
const REPOSITORY_PATH = /^\/dashboard\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)(?:\/(deployments|version|why|metrics))?\/?$/;

/**
 * The dashboard under `/dashboard`, for `addHandler`: sign-in with GitHub, the repositories the
 * signed-in user can see on GitHub, each repository's page (refreshing itself when its version
 * changes) and its deployment history. Answers
 * false (not handled) outside `/dashboard`.
 */
export function createDashboard(parts: DashboardParts) {
  const serveAsset = createAssetServer();
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/dashboard" && !url.pathname.startsWith("/dashboard/")) return false;
    try {
      await route(req, res, url, parts, serveAsset);
    } catch (error) {
      parts.log.error({ err: error, path: url.pathname }, "dashboard: request failed");
      if (!res.headersSent) sendText(res, 500, "Something went wrong; try again.", parts.settings.github.web);
      else res.end();
    }
    return true;
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  parts: DashboardParts,
  serveAsset: ReturnType<typeof createAssetServer>,
): Promise<void> {
  const web = parts.settings.github.web;
  const { pathname } = url;
  if (pathname.startsWith("/dashboard/assets/")) {
    if (req.method !== "GET" || !(await serveAsset(pathname.slice("/dashboard/assets/".length), res))) {
      sendText(res, 404, "Not found", web);
    }
    return;
  }
  if (pathname === "/dashboard/auth/login" && req.method === "GET") return startSignIn(req, res, parts, url);
  if (pathname === "/dashboard/auth/callback" && req.method === "GET") return finishSignIn(req, res, parts, url);
  if (pathname === "/dashboard/auth/logout" && req.method === "POST") {
    const body = await readLimitedBody(req, MAX_FORM_BYTES);
    if (!body.ok) return sendText(res, 413, "Form too large.", web);
    return signOut(req, res, parts, new URLSearchParams(body.text));
  }
  const signedIn = await loadSignedIn(req, parts);
  if (req.method === "POST") return routeAction(req, res, url, parts, signedIn);
  if (req.method !== "GET") return sendText(res, 405, "Method not allowed.", web, { allow: "GET, POST" });

  const returnTo = `${pathname}${url.search}`;
  if (signedIn === undefined) {
    if (isHome(pathname)) return sendPage(res, 200, SignInPage({ returnTo }), web);
    return redirect(res, `/dashboard/auth/login?return_to=${encodeURIComponent(returnTo)}`, web);
  }
  if (isHome(pathname)) return showHome(res, parts, signedIn);
  const match = REPOSITORY_PATH.exec(pathname);
  if (match === null) return showNotFound(res, parts, signedIn, "This page");
  const [, owner = "", name = "", page] = match;
  const repo = await parts.visible.find(signedIn.session.id, signedIn.github, owner, name);
  if (repo === undefined) return showNotFound(res, parts, signedIn, `${owner}/${name}`);
  if (page === "version") return sendVersion(res, parts, repo.id);
  if (page === "deployments") return showHistory(res, parts, signedIn, repo, url.searchParams);
  if (page === "why") return showWhy(res, parts, signedIn, repo, url.searchParams);
  if (page === "metrics") return showMetrics(res, parts, signedIn, repo, url.searchParams);
  return showRepository(res, parts, signedIn, repo);
}

const ACTION_PATH = /^\/dashboard\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(deploy|rollback|lock|unlock|approve)$/;

/** `POST /dashboard/<owner>/<repo>/<action>`: signed in, the form checked (size, CSRF, rate), the repository visible to the user. */
async function routeAction(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  parts: DashboardParts,
  signedIn: SignedIn | undefined,
): Promise<void> {
  const web = parts.settings.github.web;
  const match = ACTION_PATH.exec(url.pathname);
  if (match === null) return sendText(res, 404, "Not found.", web);
  if (signedIn === undefined) return sendText(res, 403, "Sign in first: /dashboard", web);
  const form = await readActionForm(req, res, parts, signedIn);
  if (form === undefined) return;
  const [, owner = "", name = "", action = ""] = match;
  const repo = await parts.visible.find(signedIn.session.id, signedIn.github, owner, name);
  if (repo === undefined) return showNotFound(res, parts, signedIn, `${owner}/${name}`);
  return ACTIONS[action as keyof typeof ACTIONS](res, parts, signedIn, repo, form);
}

function isHome(pathname: string): boolean {
  return pathname === "/dashboard" || pathname === "/dashboard/";
}
