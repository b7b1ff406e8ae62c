import type { IncomingMessage } from "node:http";
import { unsealData } from "iron-session";
import { createUserGitHub, type UserGitHub } from "../github/user-github.js";
import type { SessionRecord } from "../store/session-store.js";
import { COOKIE_NAME, SESSION_TTL_SECONDS, type CookieData } from "./dashboard-cookie.js";
import type { DashboardParts } from "./dashboard-parts.js";
import type { Viewer } from "./views/layout.js";

/** A signed-in request: the session, GitHub as its user, and who they are for the pages. */
export interface SignedIn {
  readonly session: SessionRecord;
  readonly viewer: Viewer;
  /** GitHub as the user, with their token (which never leaves the server). */
  readonly github: () => UserGitHub;
}

/**
 * The request's signed-in session, or undefined: no cookie, an expired or ended session, or a token
 * that no longer opens. The session is checked in the store every few seconds (`SESSION_CHECK_TTL_MS`);
 * what the cookie and the token open to is remembered for a minute, by their sealed texts.
 */
export async function loadSignedIn(req: IncomingMessage, parts: DashboardParts): Promise<SignedIn | undefined> {
  const cookie = await readCookie(req, parts);
  if (cookie?.sid === undefined || cookie.csrf === undefined) return undefined;
  const { sid } = cookie;
  const session = await parts.caches.sessions.get(sid, () => parts.store.findSession(sid, parts.now()));
  if (session === undefined || session.expiresAt <= parts.now()) return undefined;
  const { tokenSealed } = session;
  const token = await parts.caches.tokens.get(tokenSealed, () => openToken(tokenSealed, parts.settings.sessionKey));
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

/** The dashboard cookie's content, or undefined when there is none or it does not open (another key, expired, altered). */
async function readCookie(req: IncomingMessage, parts: DashboardParts): Promise<CookieData | undefined> {
  const sealed = cookieValue(req.headers.cookie, COOKIE_NAME);
  if (sealed === undefined) return undefined;
  return parts.caches.cookies.get(sealed, async () => {
    try {
      const opened = await unsealData<CookieData>(sealed, { password: parts.settings.sessionKey, ttl: SESSION_TTL_SECONDS });
      return Object.keys(opened).length === 0 ? undefined : opened;
    } catch {
      return undefined;
    }
  });
}

/** One cookie's value from a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return safeDecode(pair.slice(at + 1).trim());
  }
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function csrfOf(cookie: CookieData): string {
  return cookie.csrf ?? "";
}
