import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import { hookResponse, type HookResponse } from "../hooks/hook-response.js";
import { createAdminAuth, isAdminTokenUsable } from "./admin-auth.js";
import { sendJson } from "./send-json.js";

/** The repository an admin request is about, as GitHub knows it, with the app's installation on it. */
export interface InstalledRepository {
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  readonly installationId: number;
}

/** Finds the app's installation on a repository; rejects with GitHub's error (`status: 404` when not installed). */
export type FindRepository = (owner: string, repo: string) => Promise<InstalledRepository>;

/** A JSON error answer of the admin API. */
export function adminError(status: number, message: string, headers?: HookResponse["headers"]): HookResponse {
  return hookResponse(status, { error: message }, headers);
}

/**
 * One admin API route: requests to `path` are answered once the `ADMIN_TOKEN` checks out (401
 * otherwise); a GitHub failure answers 502, any other failure 500, without detail. Without a
 * usable `ADMIN_TOKEN` the route does not exist (Probot answers 404).
 */
export function createAdminRoute(
  path: RegExp,
  adminToken: string | undefined,
  log: Logger,
  answer: (req: IncomingMessage, url: URL, match: RegExpExecArray) => Promise<HookResponse>,
) {
  const authorize = isAdminTokenUsable(adminToken) ? createAdminAuth(adminToken) : undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = path.exec(url.pathname);
    if (match === null || authorize === undefined) return false;
    if (!authorize(req, res)) return true;
    try {
      sendJson(res, await answer(req, url, match));
    } catch (err) {
      log.error({ err }, "admin request failed");
      const fromGitHub = typeof (err as { status?: unknown }).status === "number";
      sendJson(res, fromGitHub ? adminError(502, "github_error") : adminError(500, "internal error"));
    }
    return true;
  };
}

/** The repository, or the admin API's answer when the app is not installed there or GitHub failed. */
export async function findInstalledRepository(
  find: FindRepository,
  log: Logger,
  owner: string,
  repo: string,
): Promise<InstalledRepository | HookResponse> {
  try {
    return await find(owner, repo);
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (status === 404) return adminError(404, `the app is not installed on ${owner}/${repo}`);
    if (typeof status !== "number") throw err;
    log.warn({ err }, "admin: GitHub refused the repository lookup");
    return adminError(502, `GitHub answered ${status} when looking up ${owner}/${repo}`);
  }
}
