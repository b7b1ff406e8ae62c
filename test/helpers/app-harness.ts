import { afterAll, afterEach, beforeAll } from "@jest/globals";
import type { Probot } from "probot";
import { createApp, type AppParts } from "../../src/app.js";
import { createGitHubCaches, type GitHubCaches } from "../../src/github/github-caches.js";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";
import type { Store } from "../../src/store/store.js";
import { mockGitHub, type GitHubMock } from "./mock-github.js";
import { loadEvent, type LoadPayloadOptions, type WebhookEventOf, type WebhookName } from "./payloads.js";
import { createTestProbot } from "./probot-app.js";

/** The repository the harness's events are about; each test gets its own id. */
export interface TestRepo {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
}

/** One test's world: the app on a real (in-memory) store, GitHub mocked centrally. */
export interface Harness {
  readonly probot: Probot;
  readonly store: Store;
  readonly github: GitHubMock;
  readonly caches: GitHubCaches;
  /** What the app runs on, for calling edges such as the retry sweep directly. */
  readonly parts: AppParts;
  readonly repo: TestRepo;
  /** Moves the app's clock forward (retry times, decision timestamps). */
  advanceClock(ms: number): void;
  /** Loads a real payload about the test repository (installation 1), with a fresh delivery id. */
  event<N extends WebhookName>(name: N, options?: LoadPayloadOptions<N>): WebhookEventOf<N>;
  /** {@link Harness.event}, delivered to the app. */
  receive<N extends WebhookName>(name: N, options?: LoadPayloadOptions<N>): Promise<WebhookEventOf<N>>;
  /** The URL path of the repository's API, e.g. `/repos/acme/shop-3`. */
  readonly api: string;
}

/** The installation every harness event comes from: expect its token once per test that calls GitHub. */
export const INSTALLATION_ID = 1;
let nextRepoId = 1000;

/** Opens one in-memory store per test file (PGlite takes seconds to start). */
export function openTestStore(): Promise<Store> {
  return createPgliteStore({});
}

/** A fresh Probot, cache and repository per test, sharing the file's store. */
export async function createHarness(store: Store, github: GitHubMock = mockGitHub()): Promise<Harness> {
  nextRepoId += 1;
  const repo: TestRepo = { id: nextRepoId, owner: "acme", name: `shop-${nextRepoId}` };
  const caches = createGitHubCaches();
  let clockOffsetMs = 0;
  const parts: AppParts = { store, caches, now: () => new Date(Date.now() + clockOffsetMs) };
  const probot = await createTestProbot(createApp(parts));

  const harness: Harness = {
    probot,
    store,
    github,
    caches,
    parts,
    repo,
    advanceClock(ms) {
      clockOffsetMs += ms;
    },
    api: `/repos/${repo.owner}/${repo.name}`,
    event(name, options = {}) {
      return loadEvent(name, {
        ...options,
        installationId: INSTALLATION_ID,
        edit: (payload) => {
          aboutRepo(payload as unknown as Record<string, unknown>, repo);
          options.edit?.(payload);
        },
      });
    },
    async receive(name, options = {}) {
      const event = harness.event(name, options);
      await probot.receive(event);
      return event;
    },
  };
  return harness;
}

function aboutRepo(payload: Record<string, unknown>, repo: TestRepo): void {
  const repository = payload["repository"] as Record<string, unknown> | undefined;
  if (repository === undefined) return;
  repository["id"] = repo.id;
  repository["name"] = repo.name;
  repository["full_name"] = `${repo.owner}/${repo.name}`;
  repository["default_branch"] = "main";
  (repository["owner"] as Record<string, unknown>)["login"] = repo.owner;
}

/** What {@link useAppTests} gives a test file. */
export interface AppTests {
  /** The file's one GitHub mock, reset after each test. */
  readonly github: GitHubMock;
  /** A fresh harness (Probot, cache, repository) on the file's store. */
  start(): Promise<Harness>;
}

/**
 * Sets up a test file for end-to-end tests: one in-memory store for the file (closed after it),
 * one GitHub mock reset after each test. Call it at the top of a `describe`.
 */
export function useAppTests(): AppTests {
  const github = mockGitHub();
  let store: Store | undefined;

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store?.close());
  afterEach(() => github.reset());

  return {
    github,
    start() {
      if (store === undefined) throw new Error("useAppTests(): the store opens in beforeAll; call start() inside a test");
      return createHarness(store, github);
    },
  };
}
