import type { GitHubUrls } from "../github/github-urls.js";

/** The shortest `SESSION_KEY` accepted. */
export const MIN_SESSION_KEY_LENGTH = 32;

/** How the dashboard runs. */
export interface DashboardSettings {
  /** The GitHub App's OAuth credentials (`GITHUB_CLIENT_ID`, `GITHUB_CLIENT_SECRET`, written by Probot's setup). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Seals the session cookie and the user tokens kept server-side: a key of its own. */
  readonly sessionKey: string;
  /** The app's public address (`PUBLIC_URL`); without it, the request's `Host`. */
  readonly publicUrl: string | undefined;
  readonly github: GitHubUrls;
  /** How often an open page asks whether what it shows changed (`DASHBOARD_POLL_MS`, default 5 s). */
  readonly pollMs: number;
}

/** Pages look for changes every 5 s unless `DASHBOARD_POLL_MS` says otherwise (200 ms to 10 minutes). */
export const DEFAULT_POLL_MS = 5_000;

/** The dashboard's settings, or why it is off (a sentence for the log). */
export type DashboardSetup =
  { readonly on: true; readonly settings: DashboardSettings } | { readonly on: false; readonly why: string };

/**
 * The dashboard is on when the app has its OAuth credentials and a `SESSION_KEY` of 32+ characters
 * that is not the webhook secret, unless `DASHBOARD=off`.
 */
export function readDashboardSettings(env: Readonly<Record<string, string | undefined>>, github: GitHubUrls): DashboardSetup {
  if (env["DASHBOARD"] === "off") return { on: false, why: "DASHBOARD=off" };
  const clientId = env["GITHUB_CLIENT_ID"] ?? "";
  const clientSecret = env["GITHUB_CLIENT_SECRET"] ?? "";
  const sessionKey = env["SESSION_KEY"] ?? "";
  if (clientId === "" || clientSecret === "") {
    return { on: false, why: "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the GitHub App's OAuth credentials) are not set" };
  }
  if (sessionKey.length < MIN_SESSION_KEY_LENGTH) {
    return {
      on: false,
      why: `SESSION_KEY is not set or shorter than ${MIN_SESSION_KEY_LENGTH} characters (openssl rand -base64 32)`,
    };
  }
  if (sessionKey === env["WEBHOOK_SECRET"]) {
    return { on: false, why: "SESSION_KEY must be a key of its own, not the webhook secret" };
  }
  const pollMs = readPollMs(env["DASHBOARD_POLL_MS"]);
  if (pollMs === undefined)
    return { on: false, why: "DASHBOARD_POLL_MS must be a whole number of milliseconds from 200 to 600000" };
  const publicUrl =
    env["PUBLIC_URL"] === undefined || env["PUBLIC_URL"] === "" ? undefined : env["PUBLIC_URL"].replace(/\/+$/, "");
  return { on: true, settings: { clientId, clientSecret, sessionKey, publicUrl, github, pollMs } };
}

function readPollMs(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return DEFAULT_POLL_MS;
  const value = Number(raw);
  return /^\d+$/.test(raw) && value >= 200 && value <= 600_000 ? value : undefined;
}
