import type { IncomingMessage, ServerResponse } from "node:http";
import { getIronSession, type IronSession } from "iron-session";
import type { DashboardSettings } from "./dashboard-settings.js";

/** What the browser holds, sealed (encrypted and signed) with `SESSION_KEY`: never the user's token. */
export interface CookieData {
  /** The signed-in session's id (its token stays on the server). */
  sid?: string;
  /** The CSRF token every form of the session carries. */
  csrf?: string;
  /** While signing in: the OAuth `state` sent to GitHub, and where to go afterwards. */
  oauthState?: string;
  returnTo?: string;
}

/** A session lasts a working day. */
export const SESSION_TTL_SECONDS = 8 * 3600;
export const COOKIE_NAME = "deliverybot_session";

/** The dashboard's cookie: `HttpOnly`, `SameSite=Lax`, `Secure` when the app's public address is https, scoped to `/dashboard`. */
export function openCookie(
  req: IncomingMessage,
  res: ServerResponse,
  settings: DashboardSettings,
): Promise<IronSession<CookieData>> {
  return getIronSession<CookieData>(req, res, {
    cookieName: COOKIE_NAME,
    password: settings.sessionKey,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      secure: settings.publicUrl?.startsWith("https://") === true,
      path: "/dashboard",
    },
  });
}
