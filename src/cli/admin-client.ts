import type { CliIo } from "./cli-io.js";

/** Where the app listens when neither `--url` nor `DELIVERYBOT_URL` says otherwise. */
export const DEFAULT_APP_URL = "http://localhost:3000";

/** An answer of the admin API, or why there was none, worded for the person at the terminal. */
export type AdminAnswer =
  | { readonly ok: true; readonly status: number; readonly body: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly status?: number;
      readonly message: string;
      /** True when the admin API itself answered with an error (e.g. 404 for an unknown hook). */
      readonly fromApi?: boolean;
      /** The JSON the admin API answered with, when it answered with an error. */
      readonly body?: Record<string, unknown>;
    };

/** The app's address and the admin token a `hooks` command talks with. */
export interface AdminTarget {
  readonly url: string;
  readonly token: string;
}

/**
 * The app's address (`--url`, else `DELIVERYBOT_URL`, else {@link DEFAULT_APP_URL}) and the admin
 * token (`ADMIN_TOKEN`, never a flag), or what to do when they are missing or malformed.
 */
export function resolveAdminTarget(io: CliIo, urlFlag: string | undefined): AdminTarget | { readonly error: string } {
  const token = io.env["ADMIN_TOKEN"];
  if (token === undefined || token === "") {
    return { error: "set ADMIN_TOKEN to the admin token the app was started with (an environment variable, not a flag)" };
  }
  const url = (urlFlag ?? io.env["DELIVERYBOT_URL"] ?? DEFAULT_APP_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(url)) return { error: `the app's URL must start with http:// or https://, got "${url}"` };
  return { url, token };
}

/**
 * Calls the running app's admin API (`/admin/hooks…`). Failures every command shares are turned
 * into what to do: the app not reachable, the token refused, the API switched off.
 */
export async function callAdmin(
  io: CliIo,
  target: AdminTarget,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<AdminAnswer> {
  let response: Response;
  try {
    response = await io.fetch(`${target.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return {
      ok: false,
      message: `cannot reach the app (${describeFetchError(error)}); is the app running at ${target.url}? set DELIVERYBOT_URL or --url`,
    };
  }
  const parsed = await readJson(response);
  const status = response.status;
  if (status === 401) return { ok: false, status, message: `ADMIN_TOKEN does not match the app's (${target.url} answered 401)` };
  if (parsed === undefined) {
    if (status === 404) {
      return {
        ok: false,
        status,
        message: `the admin API is off at ${target.url}: start the app with ADMIN_TOKEN set (at least 32 characters)`,
      };
    }
    return {
      ok: false,
      status,
      message: `${target.url} answered ${status} without JSON; is it Deliverybot? set DELIVERYBOT_URL or --url`,
    };
  }
  if (status >= 200 && status < 300) return { ok: true, status, body: parsed };
  const error = typeof parsed["error"] === "string" ? parsed["error"] : `HTTP ${status}`;
  return { ok: false, status, message: error, fromApi: true, body: parsed };
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) return undefined;
  try {
    const value: unknown = await response.json();
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  if (error instanceof Error && error.name === "TimeoutError") return "no answer within 30 s";
  return error instanceof Error ? error.message : String(error);
}
