/**
 * What went wrong talking to GitHub, and so when trying again makes sense:
 * - `rate_limited`: GitHub said to wait; try again at `retryAt` (what GitHub asked, 1 s to 1 hour from now).
 * - `unavailable`: a 5xx, a timeout or no answer at all; try again after a backoff.
 * - `failed`: GitHub refused the request (any other 4xx) or the code broke; trying again will likely fail the same way.
 *
 * `message` is the status and GitHub's message (or the error's), on one line, with anything
 * shaped like a credential removed: it is safe to store and log.
 */
export type GitHubFault =
  | { readonly kind: "rate_limited"; readonly retryAt: Date; readonly message: string }
  | { readonly kind: "unavailable"; readonly message: string }
  | { readonly kind: "failed"; readonly message: string };

/** GitHub's advice for a secondary rate limit that names no time: wait at least a minute. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** The shortest wait a rate limit gets, so a retry never lands before GitHub's own clock moved on. */
export const MIN_RATE_LIMIT_WAIT_MS = 1_000;
/** The longest wait a rate limit gets: a primary limit resets within the hour. */
export const MAX_RATE_LIMIT_WAIT_MS = 3_600_000;
const MAX_MESSAGE_LENGTH = 500;

const RATE_LIMIT_MESSAGE = /\brate limit/i;
/** Error names of a request that got no answer: aborted, timed out (fetch, undici). */
const NO_ANSWER_NAMES = new Set([
  "AbortError",
  "TimeoutError",
  "ConnectTimeoutError",
  "HeadersTimeoutError",
  "BodyTimeoutError",
  "SocketError",
]);
/** Node's codes for a connection that failed or broke. */
const NO_ANSWER_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETDOWN",
  "ENETUNREACH",
  "EHOSTDOWN",
  "EHOSTUNREACH",
]);
const CREDENTIALS: readonly RegExp[] = [
  /\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]+/g,
  /\bv1\.[0-9a-f]{40}\b/g,
  /\beyJ[\w-]*\.[\w-]+\.[\w-]+/g,
  /\b(bearer|basic)\s+[\w.~+/=-]{16,}/gi,
  /([?&](?:access_token|client_secret|token)=)[^&#\s]+/gi,
];

/**
 * Classifies an error thrown while talking to GitHub, typically Octokit's `RequestError`
 * (`status`, and `response.headers` when GitHub answered). Pure: `now` is the clock the
 * returned `retryAt` is relative to.
 *
 * - 429, or 403 with `retry-after`, with `x-ratelimit-remaining: 0`, or saying "rate limit":
 *   `rate_limited` at now + `retry-after` seconds, else at `x-ratelimit-reset` (epoch seconds),
 *   else a minute from now; never sooner than 1 s nor later than 1 hour from now.
 * - 5xx, or no answer at all (connection refused or reset, `fetch failed`, a timeout or abort): `unavailable`.
 * - Anything else (other 4xx, programming errors): `failed`.
 */
export function classifyGitHubFault(error: unknown, now: Date): GitHubFault {
  const status = httpStatusOf(error);
  const text = errorText(error);
  if (status === null) {
    if (isNoAnswer(error)) return { kind: "unavailable", message: `no answer from GitHub: ${text}` };
    return { kind: "failed", message: text };
  }
  const message = `HTTP ${status}: ${text}`;
  const retryAt = rateLimitRetryAt(status, responseHeaders(error), text, now);
  if (retryAt !== undefined) return { kind: "rate_limited", retryAt, message };
  if (status >= 500) return { kind: "unavailable", message };
  return { kind: "failed", message };
}

/**
 * The HTTP status GitHub answered with, or null when no answer arrived. Octokit reports a
 * network failure as a `RequestError` with status 500 and no response: that is null here.
 */
export function httpStatusOf(error: unknown): number | null {
  const fromResponse = field(field(error, "response"), "status");
  if (isHttpStatus(fromResponse)) return fromResponse;
  if (field(error, "response") === undefined && (field(error, "name") === "HttpError" || isNoAnswer(error))) return null;
  const status = field(error, "status");
  return isHttpStatus(status) ? status : null;
}

/** The error's own message (for a `RequestError`, GitHub's), on one line, credentials removed, at most 500 characters. */
export function errorText(error: unknown): string {
  let text = isErrorLike(error) ? ownText(error) : String(error);
  // undici's "fetch failed" says why only in its cause.
  const cause = field(error, "cause");
  if (isErrorLike(error) && error.message === "fetch failed" && isErrorLike(cause)) text = `${text} (${ownText(cause)})`;
  for (const pattern of CREDENTIALS) text = text.replace(pattern, (match, prefix: unknown) => redacted(match, prefix));
  text = text.replace(/\s+/g, " ").trim();
  if (text === "") text = "no message";
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

function rateLimitRetryAt(status: number, headers: HeaderReader, message: string, now: Date): Date | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = parseRetryAfter(headers("retry-after"), now);
  if (retryAfter !== undefined) return clampWait(retryAfter, now);
  if (headers("x-ratelimit-remaining") === "0") {
    const reset = Number(headers("x-ratelimit-reset"));
    const resetAt = headers("x-ratelimit-reset") !== undefined && Number.isFinite(reset) ? reset * 1000 : undefined;
    return clampWait(resetAt ?? now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS, now);
  }
  if (status === 429 || RATE_LIMIT_MESSAGE.test(message)) return clampWait(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS, now);
  return undefined;
}

/** `retry-after` is seconds (what GitHub sends) or an HTTP date; anything else is ignored. */
function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return now.getTime() + Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}

function clampWait(at: number, now: Date): Date {
  const earliest = now.getTime() + MIN_RATE_LIMIT_WAIT_MS;
  const latest = now.getTime() + MAX_RATE_LIMIT_WAIT_MS;
  return new Date(Math.min(Math.max(at, earliest), latest));
}

type HeaderReader = (name: string) => string | undefined;

/** Reads a response header case-insensitively; Octokit's are lowercase strings, hand-made ones may not be. */
function responseHeaders(error: unknown): HeaderReader {
  const headers = field(field(error, "response"), "headers");
  if (typeof headers !== "object" || headers === null) return () => undefined;
  const entries = Object.entries(headers);
  return (name) => {
    const value = entries.find(([key]) => key.toLowerCase() === name)?.[1];
    return typeof value === "string" || typeof value === "number" ? String(value).trim() : undefined;
  };
}

/** Whether the error, or one it was caused by, says the request got no answer. */
function isNoAnswer(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const name = field(current, "name");
    const code = field(current, "code");
    if (typeof name === "string" && NO_ANSWER_NAMES.has(name)) return true;
    if (typeof code === "string" && (NO_ANSWER_CODES.has(code) || code.startsWith("UND_ERR_"))) return true;
    if (name === "TypeError" && field(current, "message") === "fetch failed") return true;
    // Octokit's RequestError without a response wraps a fetch that failed.
    if (name === "HttpError" && field(current, "response") === undefined) return true;
    current = field(current, "cause");
  }
  return false;
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 599;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** An Error from any realm (`instanceof` fails for errors made by Node's fetch inside a VM context). */
function isErrorLike(value: unknown): value is { name: string; message: string } {
  return typeof field(value, "message") === "string" && typeof field(value, "name") === "string";
}

function ownText(error: { name: string; message: string }): string {
  const named = error.name !== "Error" && error.name !== "HttpError" && !error.message.startsWith(error.name);
  return named ? `${error.name}: ${error.message}` : error.message;
}

function redacted(match: string, prefix: unknown): string {
  if (typeof prefix === "string" && match.startsWith(prefix) && /[=_]$/.test(prefix)) return `${prefix}[redacted]`;
  const scheme = /^(bearer|basic)\s+/i.exec(match);
  return scheme === null ? "[redacted]" : `${scheme[0]}[redacted]`;
}
