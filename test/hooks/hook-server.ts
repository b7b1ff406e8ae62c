import { afterAll, afterEach, beforeAll } from "@jest/globals";
import { Probot, ProbotOctokit, Server, type Logger } from "probot";
import { createApp, type AppParts } from "../../src/app.js";
import { createFindRepository, createRepoContexts } from "../../src/create-repo-contexts.js";
import { createGitHubCaches } from "../../src/github/github-caches.js";
import { createHook } from "../../src/hooks/create-hook.js";
import type { HookRecord } from "../../src/store/hook-store.js";
import type { Store } from "../../src/store/store.js";
import { createMetrics } from "../../src/web/create-metrics.js";
import {
  createHookRuntime,
  registerRoutes,
  type AdminEnv,
  type HookRuntime,
  type RouteParts,
} from "../../src/web/register-routes.js";
import { openTestStore } from "../helpers/app-harness.js";
import { deployment } from "../helpers/github-responses.js";
import { mockGitHub, type GitHubMock, type RequestAssertion } from "../helpers/mock-github.js";
import { createTestProbot, TEST_PRIVATE_KEY, TEST_WEBHOOK_SECRET } from "../helpers/probot-app.js";

/** A hook of a fresh repository, with the token its creator was shown. */
export interface TestHook {
  readonly hook: HookRecord;
  readonly token: string;
  /** `/repos/acme/<repo>`. */
  readonly api: string;
  /** `http://127.0.0.1:<port>/hooks/deploy/<id>`. */
  readonly url: string;
}

/** What {@link useHookServer} gives a test file. */
export interface HookServer {
  readonly github: GitHubMock;
  store(): Store;
  runtime(): HookRuntime;
  /** Creates a hook (named `dockerhub` unless said otherwise) on a repository no other test uses. */
  createTestHook(name?: string): Promise<TestHook>;
  /** Moves the app's clock (rate limits, lock expiry). */
  advanceClock(ms: number): void;
  /** Expects the config on the default branch, the installation token exchange and nothing else yet. */
  expectConfig(h: TestHook, yaml: string): void;
  /** Expects `GET commits/{ref}` answering `sha`, or 422 when `sha` is undefined (no such ref). */
  expectCommit(h: TestHook, ref: string, sha: string | undefined): void;
  /** Expects the default branch lookup: `GET /repos/{o}/{r}` and its head commit. */
  expectDefaultHead(h: TestHook, sha: string): void;
  /** Expects one `POST deployments`, answering 201 with `id`. */
  expectDeployment(h: TestHook, id: number, sha: string, assert?: RequestAssertion): void;
}

let nextRepo = 7_000 + Math.floor(Math.random() * 1_000) * 100;
// Known before the server starts (test files build URLs from `base` as they load). Each of up to ten
// jest workers draws from its own range: files running side by side in two workers never pick the
// same. Below Linux's ephemeral ports (32768 and up), so no outgoing connection holds it already.
const WORKER = Number(process.env["JEST_WORKER_ID"] ?? "1");
const PORT = 20_000 + ((WORKER - 1) % 10) * 1_000 + Math.floor(Math.random() * 1_000);

/**
 * Runs the app's HTTP server (`createApp` and `registerRoutes`, wired as `src/index.ts` wires them)
 * on a real port with an in-memory store, GitHub mocked centrally. Each hook gets its own
 * installation id: Probot caches installation tokens per process. `parts` adds what
 * `start-deliverybot.ts` would wire: the channel sealer (from `NOTIFY_KEY`), the sender's wake-up.
 */
export function useHookServer(
  options: {
    readonly log?: Logger;
    readonly env?: AdminEnv;
    readonly parts?: Pick<RouteParts, "sealer" | "onNotificationQueued">;
  } = {},
): HookServer & { readonly base: string } {
  const github = mockGitHub();
  let store: Store | undefined;
  let runtime: HookRuntime | undefined;
  let server: Server | undefined;
  let offsetMs = 0;
  const base = `http://127.0.0.1:${PORT}`;

  beforeAll(async () => {
    store = await openTestStore();
    const now = () => new Date(Date.now() + offsetMs);
    const hooks = createHookRuntime({ now });
    const { metrics, registry } = createMetrics({ store, hookCounters: hooks.counters, now });
    const parts: AppParts = { store, caches: createGitHubCaches(), now, metrics };
    const log = options.log ?? (await createTestProbot(() => undefined)).log;
    const Octokit = ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
    const probotOptions = { appId: 1, privateKey: TEST_PRIVATE_KEY, secret: TEST_WEBHOOK_SECRET, log, Octokit };
    server = new Server({ Probot: Probot.defaults(probotOptions), host: "127.0.0.1", port: PORT, log });
    await server.load(async (app, appOptions) => {
      await createApp(parts)(app, appOptions);
      const openRepo = createRepoContexts(app, parts);
      const routeParts = {
        ...parts,
        ...options.parts,
        openRepo,
        findRepository: createFindRepository(app),
        metricsRegistry: registry,
      };
      runtime = registerRoutes(app, appOptions.addHandler, routeParts, hooks, options.env ?? {});
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });
  afterEach(() => github.reset());

  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useHookServer(): the server starts in beforeAll; use it inside a test");
    return value;
  };

  return {
    github,
    base,
    store: () => need(store),
    runtime: () => need(runtime),
    advanceClock(ms) {
      offsetMs += ms;
    },
    async createTestHook(name = "dockerhub") {
      nextRepo += 1;
      const input = { repoId: nextRepo, owner: "acme", repo: `shop-${nextRepo}`, installationId: nextRepo, name };
      const { hook, token } = await createHook(need(store), input, new Date());
      return { hook, token, api: `/repos/acme/${hook.repo}`, url: `${base}/hooks/deploy/${hook.id}` };
    },
    expectConfig(h, yaml) {
      github.installationToken(h.hook.installationId);
      github.expect("GET", `${h.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: yaml });
    },
    expectCommit(h, ref, sha) {
      const reply =
        sha === undefined
          ? { status: 422, body: { message: `No commit found for SHA: ${ref}` } }
          : { status: 200, body: { sha } };
      github.expect("GET", `${h.api}/commits/${encodeURIComponent(ref)}`, reply);
    },
    expectDefaultHead(h, sha) {
      github.expect("GET", h.api, { status: 200, body: { id: h.hook.repoId, name: h.hook.repo, default_branch: "main" } });
      github.expect("GET", `${h.api}/commits/main`, { status: 200, body: { sha } });
    },
    expectDeployment(h, id, sha, assert) {
      github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(id, sha) }, assert);
    },
  };
}

/** The requests that would have created a deployment: none may reach GitHub when a hook is refused. */
export function deploymentRequests(github: GitHubMock) {
  return github.requests.filter((request) => request.method === "POST" && request.path.endsWith("/deployments"));
}
