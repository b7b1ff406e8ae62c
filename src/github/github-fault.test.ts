import { createServer } from "node:net";
import { describe, expect, it } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import { classifyGitHubFault, errorText, httpStatusOf, type GitHubFault } from "./github-fault.js";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const NOW_S = NOW.getTime() / 1000;
const TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
const URL = "https://api.github.com/repos/acme/shop/deployments";

/** A `RequestError` as Octokit throws it when GitHub answered `status`. */
function answered(status: number, message: string, headers: Record<string, string> = {}): RequestError {
  return new RequestError(message, status, {
    request: { method: "POST", url: URL, headers: { authorization: `token ${TOKEN}` } },
    response: { status, url: URL, headers, data: { message } },
  });
}

/** A `RequestError` as Octokit throws it when fetch failed: status 500, no response, the cause attached. */
function noAnswer(message: string, cause: unknown): RequestError {
  const error = new RequestError(message, 500, { request: { method: "GET", url: URL, headers: {} } });
  error.cause = cause;
  return error;
}

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const secondary = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
const primary = "API rate limit exceeded for installation ID 1.";
const refused = Object.assign(new Error("connect ECONNREFUSED 140.82.112.6:443"), { code: "ECONNREFUSED" });
const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
const octokitAbort = Object.assign(new DOMException("This operation was aborted", "AbortError"), { status: 500 });

describe("classifyGitHubFault", () => {
  it.each<[string, unknown, Date]>([
    ["429 with retry-after waits that long", answered(429, "Too Many Requests", { "retry-after": "30" }), at(30)],
    ["403 (secondary limit) with retry-after waits that long", answered(403, secondary, { "retry-after": "120" }), at(120)],
    [
      "403 with x-ratelimit-remaining 0 waits until x-ratelimit-reset",
      answered(403, primary, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW_S + 900) }),
      at(900),
    ],
    [
      "429 with x-ratelimit-remaining 0 waits until x-ratelimit-reset",
      answered(429, primary, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW_S + 61) }),
      at(61),
    ],
    [
      "retry-after wins over x-ratelimit-reset",
      answered(403, primary, { "retry-after": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW_S + 900) }),
      at(5),
    ],
    ["403 saying secondary rate limit without headers waits a minute", answered(403, secondary), at(60)],
    ["403 saying rate limit exceeded without headers waits a minute", answered(403, primary), at(60)],
    ["429 without headers waits a minute", answered(429, "Too Many Requests"), at(60)],
    [
      "403 with x-ratelimit-remaining 0 but no reset waits a minute",
      answered(403, primary, { "x-ratelimit-remaining": "0" }),
      at(60),
    ],
    ["retry-after 0 still waits a second", answered(403, secondary, { "retry-after": "0" }), at(1)],
    [
      "a reset already past waits a second",
      answered(403, primary, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW_S - 30) }),
      at(1),
    ],
    ["retry-after beyond an hour is capped at an hour", answered(429, "Too Many Requests", { "retry-after": "7200" }), at(3600)],
    [
      "a reset beyond an hour is capped at an hour",
      answered(403, primary, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW_S + 3 * 3600) }),
      at(3600),
    ],
    [
      "retry-after as an HTTP date",
      answered(429, "Too Many Requests", { "retry-after": new Date(NOW.getTime() + 90_000).toUTCString() }),
      at(90),
    ],
    ["header names in any case", answered(403, secondary, { "Retry-After": "45" }), at(45)],
  ])("rate_limited: %s", (_name, error, retryAt) => {
    const fault = classifyGitHubFault(error, NOW);
    expect(fault).toEqual({ kind: "rate_limited", retryAt, message: expect.stringMatching(/^HTTP 4\d\d: /) });
  });

  it.each<[string, unknown, string]>([
    ["500", answered(500, "Internal Server Error"), "HTTP 500: Internal Server Error"],
    ["502", answered(502, "Server Error"), "HTTP 502: Server Error"],
    ["503", answered(503, "Service Unavailable"), "HTTP 503: Service Unavailable"],
    [
      "504",
      answered(504, "We couldn't respond to your request in time."),
      "HTTP 504: We couldn't respond to your request in time.",
    ],
    [
      "Octokit's RequestError for a refused connection (status 500, no response)",
      noAnswer("connect ECONNREFUSED 140.82.112.6:443", refused),
      "no answer from GitHub: connect ECONNREFUSED 140.82.112.6:443",
    ],
    [
      "Octokit's RequestError for a timeout",
      noAnswer("The operation was aborted due to timeout", new DOMException("x", "TimeoutError")),
      "no answer from GitHub: The operation was aborted due to timeout",
    ],
    ["a reset connection", reset, "no answer from GitHub: read ECONNRESET"],
    [
      "undici's fetch failed, the reason in its cause",
      new TypeError("fetch failed", { cause: reset }),
      "no answer from GitHub: TypeError: fetch failed (read ECONNRESET)",
    ],
    [
      "AbortSignal.timeout's TimeoutError",
      new DOMException("The operation was aborted due to timeout", "TimeoutError"),
      "no answer from GitHub: TimeoutError: The operation was aborted due to timeout",
    ],
    [
      "Octokit's rethrown AbortError (status 500 set on it)",
      octokitAbort,
      "no answer from GitHub: AbortError: This operation was aborted",
    ],
  ])("unavailable: %s", (_name, error, message) => {
    expect(classifyGitHubFault(error, NOW)).toEqual({ kind: "unavailable", message });
  });

  it.each<[string, unknown, string]>([
    ["400", answered(400, "Problems parsing JSON"), "HTTP 400: Problems parsing JSON"],
    ["401", answered(401, "Bad credentials"), "HTTP 401: Bad credentials"],
    [
      "403 without a rate limit",
      answered(403, "Resource not accessible by integration"),
      "HTTP 403: Resource not accessible by integration",
    ],
    [
      "403 with rate limit headers that are not exhausted",
      answered(403, "Resource not accessible by integration", {
        "x-ratelimit-remaining": "4999",
        "x-ratelimit-reset": String(NOW_S + 60),
      }),
      "HTTP 403: Resource not accessible by integration",
    ],
    ["404", answered(404, "Not Found"), "HTTP 404: Not Found"],
    [
      "409",
      answered(409, "Conflict: Commit status checks failed for main."),
      "HTTP 409: Conflict: Commit status checks failed for main.",
    ],
    ["422", answered(422, "No ref found for: main"), "HTTP 422: No ref found for: main"],
    [
      "a programming error",
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      "TypeError: Cannot read properties of undefined (reading 'id')",
    ],
    ["a plain Error", new Error("config has no targets"), "config has no targets"],
    ["a thrown string", "boom", "boom"],
    ["undefined", undefined, "undefined"],
  ])("failed: %s", (_name, error, message) => {
    expect(classifyGitHubFault(error, NOW)).toEqual({ kind: "failed", message });
  });

  it("classifies a real refused connection as unavailable", async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((failure: unknown) => failure);
    expect(classifyGitHubFault(error, NOW)).toEqual({ kind: "unavailable", message: expect.stringContaining("ECONNREFUSED") });
  });

  it("uses the status of a hand-made error with no response", () => {
    expect(classifyGitHubFault(Object.assign(new Error("Bad gateway"), { status: 502 }), NOW).kind).toBe("unavailable");
    expect(classifyGitHubFault(Object.assign(new Error("Gone"), { status: 410 }), NOW).kind).toBe("failed");
  });

  it("never puts the request's token in the message", () => {
    const faults: GitHubFault[] = [
      answered(502, "Server Error"),
      answered(403, secondary, { "retry-after": "60" }),
      answered(422, "Validation Failed"),
      noAnswer("fetch failed", refused),
    ].map((error) => classifyGitHubFault(error, NOW));
    for (const fault of faults) expect(fault.message).not.toContain(TOKEN);
  });
});

describe("errorText", () => {
  it.each([
    [`Bad credentials for ${TOKEN}`, "Bad credentials for ghs_[redacted]"],
    ["github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_[redacted]"],
    ["token v1.0123456789abcdef0123456789abcdef01234567 expired", "token [redacted] expired"],
    ["authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJl", "authorization: Bearer [redacted]"],
    ["GET /x?access_token=abc123&per_page=1 failed", "GET /x?access_token=[redacted]&per_page=1 failed"],
    ["No ref found for: d6fde92930d4715a2b49857d24b940956b26d2d3", "No ref found for: d6fde92930d4715a2b49857d24b940956b26d2d3"],
    ["line one\n  line two", "line one line two"],
    ["", "no message"],
  ])("%j → %j", (message, expected) => {
    expect(errorText(new Error(message))).toBe(expected);
  });

  it("cuts long messages to 500 characters", () => {
    const text = errorText(new Error("x".repeat(2000)));
    expect(text).toHaveLength(500);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("httpStatusOf", () => {
  it.each<[string, unknown, number | null]>([
    ["GitHub's answer", answered(422, "Validation Failed"), 422],
    ["Octokit's network failure (status 500, no response)", noAnswer("fetch failed", refused), null],
    ["a hand-made error with a status", Object.assign(new Error("x"), { status: 503 }), 503],
    ["a status that is no HTTP status", Object.assign(new Error("x"), { status: 0 }), null],
    ["an error without a status", new Error("x"), null],
    ["not an error", "x", null],
  ])("%s", (_name, error, status) => {
    expect(httpStatusOf(error)).toBe(status);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}
