import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { findOperation, validateRequest } from "../helpers/openapi-validator.js";
import { checkCredentials } from "./check-credentials.js";
import { createFakeState, type FakeState } from "./fake-github-state.js";
import {
  FAKE_ROUTES,
  type FakeDeployment,
  type FakeGitHub,
  type FakeGitHubOptions,
  type FakeRequest,
  type InFlightRequest,
} from "./fake-github-types.js";
import { createFaultInjector, type FaultInjector } from "./fault-injector.js";
import { matchesFilter } from "./match-request.js";
import { parseApiBody, parseWebBody, readBody } from "./read-body.js";
import { createRefControls } from "./ref-controls.js";
import { registerRepository } from "./register-repository.js";
import type { RouteResponse } from "./route-handler.js";
import { findRoute, matchWebRoute } from "./route-table.js";
import { createUserControls } from "./user-controls.js";

export * from "./fake-github-types.js";

/** Where GitHub Enterprise Server serves its REST API, and so where Probot sends requests with `GHE_HOST`. */
const API_PREFIX = "/api/v3";

interface DeploymentWaiter {
  readonly match: (deployment: FakeDeployment) => boolean;
  readonly resolve: (deployment: FakeDeployment) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Everything one request handler needs, shared by the server's requests. */
interface ServerContext {
  readonly state: FakeState;
  readonly faults: FaultInjector;
  readonly requests: FakeRequest[];
  readonly unexpected: FakeRequest[];
  readonly validationErrors: string[];
  readonly waiters: Set<DeploymentWaiter>;
  /** Answer delays in ms, by `METHOD /template`. */
  readonly latency: Map<string, number>;
  readonly inFlight: Set<InFlightRequest>;
  /** Delayed answers still to send: cleared, and their requests answered at once, by `stop()`. */
  readonly delays: Set<() => void>;
  webUrl: string;
}

/**
 * Starts a fake of GitHub's REST API on 127.0.0.1 (GitHub Enterprise layout: everything under
 * `/api/v3`), for the app run as real processes with `GHE_HOST=<fake.host> GHE_PROTOCOL=http`.
 * It answers the operations Deliverybot uses ({@link FAKE_ROUTES}) from its own state, validates
 * every request against GitHub's OpenAPI description, records every request, and answers anything
 * else 404 (recorded as unexpected). `problems()` lists what a clean run must not have. The
 * repositories it knows (`repositories`, `configs`, and those later calls name) have an
 * installation and a description (id, owner, default branch, visibility): the admin API behind
 * `deliverybot deploy` and `promote` finds them by name as on GitHub; other names answer 404 (not
 * installed). Outside `/api/v3` it serves the OAuth web flow that signs users in to the app ({@link FAKE_WEB_ROUTES}):
 * the test says who is signed in (`signInAs`) and what they may see (`grantUser`).
 *
 * @example
 * const github = await startFakeGitHub({ configs: { "acme/shop": "version: 2\ntargets: …" } });
 * // spawn the app with GHE_HOST=github.host, GHE_PROTOCOL=http, send webhooks …
 * const deployment = await github.waitForDeployment((d) => d.sha === sha);
 * expect(github.problems()).toEqual([]);
 * await github.stop();
 *
 * @example Branches and tags (`GET …/commits/{ref}`): a full SHA names itself, `main` a stable SHA until moved
 * github.setRef("acme/shop", "v1.2.0", sha);
 * github.resolveRef("acme/shop", "main"); // what the app's resolveCommit("main") gets
 *
 * @example The admin API and its CLI (the app started with ADMIN_TOKEN)
 * const github = await startFakeGitHub({ configs: { "acme/shop": yaml }, repositories: { "acme/shop": { id: 7301 } } });
 * // ADMIN_TOKEN=… deliverybot deploy acme/shop production --url http://127.0.0.1:3000
 * // asks GET /repos/acme/shop/installation (app JWT), then GET /repos/acme/shop (installation token)
 *
 * @example Signing in to the dashboard (the app started with the same client id and secret)
 * const github = await startFakeGitHub({ oauth: { clientId, clientSecret }, repositories: { "acme/shop": { id: 7301 } } });
 * github.signInAs("alice");
 * github.grantUser("alice", "acme/shop", "write");
 * // the app sends the browser to `${github.url}/login/oauth/authorize?client_id=…&redirect_uri=…&state=…`,
 * // which comes straight back to redirect_uri with ?code=…&state=…
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const context: ServerContext = {
    state: createFakeState({
      configs: options.configs ?? {},
      defaultPermission: options.defaultPermission ?? "write",
      oauthClient: options.oauth,
      repositories: options.repositories,
    }),
    faults: createFaultInjector(),
    requests: [],
    unexpected: [],
    validationErrors: [],
    waiters: new Set(),
    latency: new Map(),
    inFlight: new Set(),
    delays: new Set(),
    webUrl: "",
  };
  const server = createServer((req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`fake GitHub failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  context.webUrl = `http://${host}`;
  const { state } = context;

  return {
    url: context.webUrl,
    host,
    apiUrl: `${context.webUrl}${API_PREFIX}`,
    deployments: state.deployments,
    deploymentStatuses: state.deploymentStatuses,
    checkRuns: state.checkRuns,
    comments: state.comments,
    protectionReviews: state.protectionReviews,
    requests: context.requests,
    unexpected: context.unexpected,
    validationErrors: context.validationErrors,
    problems: () => [
      ...context.unexpected.map((r) => `unexpected request: ${r.method} ${r.path} (answered ${r.status})`),
      ...context.validationErrors,
    ],
    countRequests: (filter = {}) => context.requests.filter((r) => matchesFilter(r, filter)).length,
    setConfig(owner, repo, yaml) {
      if (yaml === null) {
        state.configs.delete(`${owner}/${repo}`);
      } else {
        state.configs.set(`${owner}/${repo}`, yaml);
        registerRepository(state, `${owner}/${repo}`);
      }
    },
    setPullRequest: (owner, repo, number, pullRequest) => void state.pullRequests.set(`${owner}/${repo}#${number}`, pullRequest),
    setPermission: (owner, repo, login, permission) =>
      void state.permissions.set(`${owner}/${repo}:${login.toLowerCase()}`, permission),
    ...createUserControls(state),
    ...createRefControls(state),
    failNext: (route, n, response) => context.faults.failNext(route, n, response),
    setLatency(route, ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`setLatency: ms must be a non-negative number, got ${ms}`);
      context.latency.set(route, ms);
    },
    inFlight: () => [...context.inFlight],
    waitForDeployment: (match, timeoutMs = 10_000) => waitForDeployment(context, match, timeoutMs),
    async stop() {
      for (const finish of [...context.delays]) finish();
      for (const waiter of context.waiters) waiter.reject(new Error("fake GitHub stopped"));
      context.waiters.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function handle(context: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = performance.timeOrigin + performance.now();
  const text = await readBody(req);
  const method = (req.method ?? "GET").toUpperCase();
  const url = req.url ?? "/";
  const isApi = url.startsWith(`${API_PREFIX}/`);
  const path = isApi ? url.slice(API_PREFIX.length) : url;
  const body = isApi ? parseApiBody(text, `${method} ${path}`, context.validationErrors) : parseWebBody(text, req.headers);
  const operation = isApi ? findApiOperation(method, path) : matchWebRoute(method, path);
  const handler = operation === undefined ? undefined : findRoute(method, operation.template);

  const base = { method, path, at, body };
  if (operation === undefined || handler === undefined) {
    const request: FakeRequest = {
      ...base,
      route: path.split("?")[0] ?? path,
      repo: repoOf(path),
      status: 404,
      rateLimited: isApi,
    };
    return answer(context, res, request, { status: 404, body: { message: "Not Found" } }, true);
  }
  if (isApi) context.validationErrors.push(...validateRequest(method, path, body));
  const { params, query, template } = operation;
  const repo = params["owner"] === undefined ? "" : `${params["owner"]}/${params["repo"]}`;
  const route = `${method} ${template}`;
  const refusal = checkCredentials(context.state, route, req.headers.authorization, at);
  const apiUrl = `${context.webUrl}${API_PREFIX}`;
  const response: RouteResponse =
    refusal ??
    context.faults.take(route) ??
    handler({ params, query, body, headers: req.headers, repo, at, apiUrl, webUrl: context.webUrl }, context.state);
  const request: FakeRequest = {
    ...base,
    route: template,
    repo: repo === "" ? undefined : repo,
    status: response.status,
    rateLimited: isApi && route !== FAKE_ROUTES.createInstallationToken && response.status !== 304,
  };
  const delayMs = context.latency.get(route) ?? 0;
  if (delayMs > 0) {
    const flight = { method, route: template, repo: request.repo, at, clientPort: req.socket.remotePort ?? 0 };
    context.inFlight.add(flight);
    await delay(context, delayMs);
    context.inFlight.delete(flight);
  }
  answer(context, res, request, response, refusal !== undefined || response.refused === true);
  if (route === FAKE_ROUTES.createDeployment && response.status === 201) notifyWaiters(context);
}

/** The `/api/v3` operation a path (below `/api/v3`) belongs to, in GitHub's OpenAPI description. */
function findApiOperation(method: string, path: string) {
  const operation = findOperation(method, path);
  return operation === undefined
    ? undefined
    : { template: operation.template, params: operation.pathParams, query: operation.query };
}

function answer(
  context: ServerContext,
  res: ServerResponse,
  request: FakeRequest,
  response: RouteResponse,
  unexpected: boolean,
): void {
  context.requests.push(request);
  if (unexpected) context.unexpected.push(request);
  // A client that went away while its answer was delayed: the request still counts.
  if (res.destroyed) return;
  const headers: Record<string, string> = { "x-github-request-id": `FAKE:${context.requests.length}` };
  let payload = "";
  if (response.status !== 304 && response.body !== undefined) {
    const isText = typeof response.body === "string";
    headers["content-type"] = isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
    payload = isText ? (response.body as string) : JSON.stringify(response.body);
  }
  res.writeHead(response.status, { ...headers, ...response.headers }).end(payload);
}

function waitForDeployment(
  context: ServerContext,
  match: (deployment: FakeDeployment) => boolean,
  timeoutMs: number,
): Promise<FakeDeployment> {
  const existing = context.state.deployments.find(match);
  if (existing !== undefined) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const waiter: DeploymentWaiter = {
      match,
      resolve,
      reject,
      timer: setTimeout(() => {
        context.waiters.delete(waiter);
        reject(new Error(`fake GitHub: no matching deployment within ${timeoutMs} ms`));
      }, timeoutMs),
    };
    context.waiters.add(waiter);
  });
}

function notifyWaiters(context: ServerContext): void {
  const newest = context.state.deployments.at(-1);
  if (newest === undefined) return;
  for (const waiter of context.waiters) {
    if (!waiter.match(newest)) continue;
    clearTimeout(waiter.timer);
    context.waiters.delete(waiter);
    waiter.resolve(newest);
  }
}

/** Resolves after `ms`, or at once when the server stops. */
function delay(context: ServerContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      context.delays.delete(finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    context.delays.add(finish);
  });
}

function repoOf(path: string): string | undefined {
  const found = /^\/repos\/([^/?]+)\/([^/?]+)/.exec(path);
  return found === null ? undefined : `${found[1]}/${found[2]}`;
}
