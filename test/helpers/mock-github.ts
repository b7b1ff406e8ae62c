import nock from "nock";
import { INSTALLATION_PERMISSIONS } from "./installation-permissions.js";
import { validateRequest } from "./openapi-validator.js";
import { formatReport, type Expectation, type GitHubMockReport } from "./mock-github-report.js";
import { normalizeHeaders, parseBody, unmatchedRequest, type RecordedRequest } from "./recorded-request.js";

export type { RecordedRequest } from "./recorded-request.js";

/** Where Octokit sends every request in tests. */
export const GITHUB_API = "https://api.github.com";

/** Hosts nock lets through: local servers under test. */
const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** The token {@link GitHubMock.installationToken} hands out. */
export const TEST_INSTALLATION_TOKEN = "test-token";

/** HTTP methods the app uses against GitHub. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What one expectation answers, and how often. */
export interface MockReply {
  status: number;
  /** Objects are sent as JSON, strings as `text/plain; charset=utf-8` (what Octokit returns as a string). */
  body?: unknown;
  /** Response headers, e.g. `{ etag: '"abc"' }`; they override the content type chosen from `body`. */
  headers?: Record<string, string>;
  /** Answer this many requests (default 1); `done()` fails if fewer arrive. */
  times?: number;
  /** Answer any number of requests; `done()` fails if none arrives. */
  persist?: boolean;
  /** Only match requests sent with exactly this `If-None-Match` header (conditional requests). */
  ifNoneMatch?: string;
}

/** Extra checks on a matched request; a throw is reported by `done()`. */
export type RequestAssertion = (body: unknown, request: RecordedRequest) => void;

/** The GitHub HTTP mock: see {@link mockGitHub}. */
export interface GitHubMock {
  /** Expects one request (or `reply.times`) to `path`: exact (compared URL-decoded, query ignored unless given) or a RegExp on the raw path and query. */
  expect(method: HttpMethod, path: string | RegExp, reply: MockReply, assert?: RequestAssertion): void;
  /** Expects Probot's `POST /app/installations/{id}/access_tokens`, answering with {@link TEST_INSTALLATION_TOKEN}. */
  installationToken(installationId: number, options?: Pick<MockReply, "times" | "persist">): void;
  /** Every request seen, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests to GitHub that count against its rate limit: all but token exchanges and 304 answers. */
  rateLimitedCount(): number;
  /** Throws, listing them, if an expectation went unused, a request matched none, a request broke GitHub's OpenAPI description or an assertion failed. */
  done(): void;
  /** Forgets expectations and recorded requests (`afterEach`). */
  reset(): void;
}

const NO_MATCH = "no match";
const TOKEN_EXCHANGE = /^\/app\/installations\/[^/]+\/access_tokens(\?|$)/;
const OWN_LISTENER = Symbol("mockGitHub listener");

/**
 * Creates the one GitHub HTTP mock tests use. It disables real network access (loopback stays
 * open for local servers), validates every request to GitHub against GitHub's OpenAPI
 * description, and records every request. Creating a new mock discards nock's previous state.
 *
 * @example
 * const github = mockGitHub();
 * afterEach(() => github.reset());
 * github.installationToken(1);
 * github.expect("POST", "/repos/o/r/deployments", { status: 201, body: { id: 42 } });
 * // … exercise the app …
 * github.done();
 */
export function mockGitHub(): GitHubMock {
  const requests: RecordedRequest[] = [];
  const report: GitHubMockReport = { expectations: [], unmatched: [], invalid: [], failedAssertions: [] };

  function record(request: RecordedRequest): void {
    requests.push(request);
    for (const error of validateRequest(request.method, request.path, request.body)) report.invalid.push(error);
  }

  const onNoMatch = Object.assign(
    (...args: unknown[]) => {
      const unmatched = unmatchedRequest(args, GITHUB_API);
      if (LOCAL_HOST.test(unmatched.host)) return;
      report.unmatched.push(unmatched.request);
      if (unmatched.toGitHub) record(unmatched.request);
      else requests.push(unmatched.request);
    },
    { [OWN_LISTENER]: true },
  );

  for (const listener of nock.emitter.listeners(NO_MATCH).filter(isOwnListener)) nock.emitter.removeListener(NO_MATCH, listener);
  nock.emitter.on(NO_MATCH, onNoMatch);
  nock.disableNetConnect();
  nock.enableNetConnect((host) => LOCAL_HOST.test(host));
  nock.cleanAll();
  addBodyCapture();

  const mock: GitHubMock = {
    expect(method, path, reply, assert) {
      const expectation: Expectation = {
        label: expectationLabel(method, path, reply),
        calls: 0,
        times: reply.times ?? 1,
        persist: reply.persist ?? false,
      };
      report.expectations.push(expectation);
      const scope = nock(GITHUB_API);
      if (expectation.persist) scope.persist();
      const interceptor = scope.intercept(pathMatcher(path), method).times(expectation.times);
      if (reply.ifNoneMatch !== undefined) interceptor.matchHeader("if-none-match", reply.ifNoneMatch);
      interceptor.reply(function (uri, requestBody) {
        expectation.calls += 1;
        const request: RecordedRequest = {
          method,
          path: uri,
          headers: normalizeHeaders(this.req.headers),
          body: parseBody(requestBody),
          status: reply.status,
        };
        record(request);
        runAssertion(assert, request, report);
        return [reply.status, responseBody(reply.body), responseHeaders(reply)];
      });
    },
    installationToken(installationId, options = {}) {
      const body = {
        token: TEST_INSTALLATION_TOKEN,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: INSTALLATION_PERMISSIONS,
        repository_selection: "all",
      };
      mock.expect(
        "POST",
        `/app/installations/${installationId}/access_tokens`,
        { status: 201, body, ...options },
        (_body, request) => {
          if (!/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(request.headers["authorization"] ?? ""))
            throw new Error("the token exchange must be authenticated with the app's JWT");
        },
      );
    },
    get requests() {
      return requests;
    },
    rateLimitedCount() {
      return requests.filter(
        (r) => r.path.startsWith("/") && r.status !== 304 && !(r.method === "POST" && TOKEN_EXCHANGE.test(r.path)),
      ).length;
    },
    done() {
      const message = formatReport(report);
      if (message !== undefined) throw new Error(message);
    },
    reset() {
      nock.abortPendingRequests();
      nock.cleanAll();
      addBodyCapture();
      requests.length = 0;
      report.expectations.length = 0;
      report.unmatched.length = 0;
      report.invalid.length = 0;
      report.failedAssertions.length = 0;
    },
  };
  return mock;
}

/** A previous mock's "no match" listener: a new mock replaces it so requests are not recorded twice. */
function isOwnListener(listener: unknown): listener is (...args: unknown[]) => void {
  return typeof listener === "function" && OWN_LISTENER in listener;
}

/**
 * Nock only reports the body of an unmatched request when its host has at least one
 * interceptor; this one never matches, so the body of a request made before any `expect()`
 * still reaches the "no match" listener. (It also keeps `nock.isDone()` false: use `done()`.)
 */
function addBodyCapture(): void {
  nock(GITHUB_API)
    .persist()
    .intercept(() => false, "GET")
    .reply(500);
}

function pathMatcher(path: string | RegExp): RegExp | ((uri: string) => boolean) {
  if (path instanceof RegExp) return path;
  const withQuery = path.includes("?");
  const expected = safeDecode(path);
  return (uri) => safeDecode(withQuery ? uri : withoutQuery(uri)) === expected;
}

function withoutQuery(uri: string): string {
  const index = uri.indexOf("?");
  return index === -1 ? uri : uri.slice(0, index);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function expectationLabel(method: string, path: string | RegExp, reply: MockReply): string {
  const conditional = reply.ifNoneMatch === undefined ? "" : ` with If-None-Match ${reply.ifNoneMatch}`;
  return `${method} ${String(path)}${conditional} → ${reply.status}`;
}

function runAssertion(assert: RequestAssertion | undefined, request: RecordedRequest, report: GitHubMockReport): void {
  if (assert === undefined) return;
  try {
    assert(request.body, request);
  } catch (error) {
    report.failedAssertions.push(`${request.method} ${request.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function responseBody(body: unknown): string {
  if (body === undefined) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

function responseHeaders(reply: MockReply): Record<string, string> {
  const headers: Record<string, string> = {};
  if (reply.body !== undefined)
    headers["content-type"] = typeof reply.body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}
