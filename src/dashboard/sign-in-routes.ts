import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sealData } from "iron-session";
import { createUserGitHub, exchangeOAuthCode } from "../github/user-github.js";
import { openCookie, SESSION_TTL_SECONDS } from "./dashboard-cookie.js";
import type { DashboardParts } from "./dashboard-parts.js";
import { redirect, sendPage, sendText } from "./send-page.js";
import { SignInPage } from "./views/sign-in-page.js";

/**
 * Where to go after signing in: a page of the dashboard, never anywhere else (an open redirect
 * would lend the app's address to phishing).
 */
export function safeReturnTo(raw: string | null): string {
  if (raw === null || !/^\/dashboard(?:[/?#]|$)/.test(raw) || raw.includes("\\") || raw.includes("//")) return "/dashboard";
  return raw;
}

/** `GET /dashboard/auth/login`: remembers a fresh `state` in the cookie and sends the browser to GitHub's authorization page. */
export async function startSignIn(req: IncomingMessage, res: ServerResponse, parts: DashboardParts, url: URL): Promise<void> {
  const { settings } = parts;
  const limited = parts.signInLimiter.take(req.socket.remoteAddress ?? "unknown");
  if (!limited.allowed) {
    sendText(res, 429, "Too many sign-ins; try again shortly.", settings.github.web, {
      "retry-after": String(limited.retryAfterSeconds),
    });
    return;
  }
  const cookie = await openCookie(req, res, settings);
  cookie.oauthState = randomBytes(24).toString("base64url");
  cookie.returnTo = safeReturnTo(url.searchParams.get("return_to"));
  await cookie.save();
  const authorize = new URL("/login/oauth/authorize", settings.github.web);
  authorize.searchParams.set("client_id", settings.clientId);
  authorize.searchParams.set("redirect_uri", callbackUrl(req, parts));
  authorize.searchParams.set("state", cookie.oauthState);
  redirect(res, authorize.href, settings.github.web);
}

/**
 * `GET /dashboard/auth/callback`: checks `state`, exchanges the code for the user's token (kept on
 * the server, sealed), starts a session and goes where the sign-in started.
 */
export async function finishSignIn(req: IncomingMessage, res: ServerResponse, parts: DashboardParts, url: URL): Promise<void> {
  const { settings } = parts;
  const cookie = await openCookie(req, res, settings);
  const expected = cookie.oauthState;
  const returnTo = safeReturnTo(cookie.returnTo ?? null);
  delete cookie.oauthState;
  delete cookie.returnTo;
  const again = (status: number, message: string) => {
    sendPage(res, status, SignInPage({ returnTo, message }), settings.github.web);
  };
  if (expected === undefined || !sameText(url.searchParams.get("state") ?? "", expected)) {
    await cookie.save();
    again(400, "This sign-in expired or was not started here. Sign in again.");
    return;
  }
  const code = url.searchParams.get("code");
  if (code === null) {
    await cookie.save();
    again(
      400,
      url.searchParams.get("error") === "access_denied" ? "Sign-in was cancelled on GitHub." : "GitHub did not sign you in.",
    );
    return;
  }
  let token: string;
  try {
    token = await exchangeOAuthCode({ ...settings, code, redirectUrl: callbackUrl(req, parts), apiUrl: settings.github.api });
  } catch (error) {
    parts.log.warn({ err: error }, "dashboard: GitHub refused the sign-in code");
    await cookie.save();
    again(502, "GitHub did not accept the sign-in. Sign in again.");
    return;
  }
  const user = await createUserGitHub(token, settings.github.api).getUser();
  const now = parts.now();
  const id = randomBytes(24).toString("base64url");
  const tokenSealed = await sealData({ token }, { password: settings.sessionKey, ttl: SESSION_TTL_SECONDS });
  await parts.store.createSession({
    id,
    login: user.login,
    userId: user.id,
    tokenSealed,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000),
  });
  cookie.sid = id;
  cookie.csrf = randomBytes(24).toString("base64url");
  await cookie.save();
  parts.log.info({ login: user.login }, "dashboard: signed in");
  redirect(res, returnTo, settings.github.web);
}

/** `POST /dashboard/auth/logout` with the session's CSRF token: ends the session on the server and clears the cookie. */
export async function signOut(
  req: IncomingMessage,
  res: ServerResponse,
  parts: DashboardParts,
  form: URLSearchParams,
): Promise<void> {
  const cookie = await openCookie(req, res, parts.settings);
  if (cookie.csrf === undefined || !sameText(form.get("csrf") ?? "", cookie.csrf)) {
    sendText(res, 403, "This form expired (CSRF check failed); reload the page and try again.", parts.settings.github.web);
    return;
  }
  if (cookie.sid !== undefined) {
    await parts.store.deleteSession(cookie.sid);
    parts.caches.sessions.delete(cookie.sid);
    parts.visible.forget(cookie.sid);
  }
  cookie.destroy();
  redirect(res, "/dashboard", parts.settings.github.web);
}

/** Where GitHub sends the browser back: on the app's public address, else on the address the browser used. */
function callbackUrl(req: IncomingMessage, parts: DashboardParts): string {
  const base = parts.settings.publicUrl ?? `http://${req.headers.host ?? "localhost"}`;
  return `${base}/dashboard/auth/callback`;
}

/** Compares secrets in constant time. */
export function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
