import type { IncomingMessage, ServerResponse } from "node:http";
import { unsealData } from "iron-session";
import { createUserGitHub, type UserGitHub } from "../github/user-github.js";
import type { SessionRecord } from "../store/session-store.js";
import { openCookie, type CookieData } from "./dashboard-cookie.js";
import type { DashboardParts } from "./dashboard-parts.js";
import type { Viewer } from "./views/layout.js";

/** A signed-in request: the session, GitHub as its user, and who they are for the pages. */
export interface SignedIn {
  readonly session: SessionRecord;
  readonly viewer: Viewer;
  /** GitHub as the user, with their token (which never leaves the server). */
  readonly github: () => UserGitHub;
}

/** The request's signed-in session, or undefined: no cookie, an expired or ended session, or a token that no longer opens. */
export async function loadSignedIn(
  req: IncomingMessage,
  res: ServerResponse,
  parts: DashboardParts,
): Promise<SignedIn | undefined> {
  const cookie = await openCookie(req, res, parts.settings);
  if (cookie.sid === undefined || cookie.csrf === undefined) return undefined;
  const session = await parts.store.findSession(cookie.sid, parts.now());
  if (session === undefined) return undefined;
  const token = await openToken(session.tokenSealed, parts.settings.sessionKey);
  if (token === undefined) return undefined;
  return {
    session,
    viewer: { login: session.login, avatarUrl: avatarUrl(parts.settings.github.web, session.userId), csrf: csrfOf(cookie) },
    github: () => createUserGitHub(token, parts.settings.github.api),
  };
}

/** GitHub's avatar of a user by id: GitHub.com serves them from its avatars host, a GitHub Enterprise Server itself. */
export function avatarUrl(githubWeb: string, userId: number): string {
  if (githubWeb === "https://github.com") return `https://avatars.githubusercontent.com/u/${userId}?s=40&v=4`;
  return `${githubWeb}/avatars/u/${userId}?s=40`;
}

/** The user's token, or undefined when it does not open (sealed under another `SESSION_KEY`): then the user signs in again. */
export async function openToken(sealed: string, sessionKey: string): Promise<string | undefined> {
  try {
    const opened = await unsealData<{ token?: unknown }>(sealed, { password: sessionKey });
    return typeof opened.token === "string" ? opened.token : undefined;
  } catch {
    return undefined;
  }
}

function csrfOf(cookie: CookieData): string {
  return cookie.csrf ?? "";
}
