import { afterAll, afterEach, beforeAll } from "@jest/globals";
import type { Probot } from "probot";
import { createApp, type AppParts } from "../../src/app.js";
import { createRepoContexts } from "../../src/create-repo-contexts.js";
import type { OpenRepoContext } from "../../src/deploy/repo-context.js";
import { createGitHubCaches, type GitHubCaches } from "../../src/github/github-caches.js";
import { createHookCounters } from "../../src/hooks/hook-counters.js";
import type { ChannelKind } from "../../src/domain/notifications.js";
import { createNotificationSender, type NotificationSender } from "../../src/notify/notification-sender.js";
import { createChannelSealer, type ChannelSealer } from "../../src/notify/seal-channel.js";
import { createDeliveryProcessor } from "../../src/process-delivery.js";
import { createDeliveryWorkers, type DeliveryWorkers } from "../../src/queue/delivery-workers.js";
import { FIRST_RETRY_MS } from "../../src/queue/retry-policy.js";
import type { SweepParts } from "../../src/start-retry-sweep.js";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";
import type { Store } from "../../src/store/store.js";
import { createMetrics, type AppMetrics } from "../../src/web/create-metrics.js";
import { mockGitHub, type GitHubMock } from "./mock-github.js";
import { loadEvent, type LoadPayloadOptions, type WebhookEventOf, type WebhookName } from "./payloads.js";
import { pgliteTemplate } from "./pglite-template.js";
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
  /** What the retry sweep runs on (`sweepOnce`). */
  readonly sweepParts: SweepParts;
  /** This harness's metrics, as `/metrics` would serve them. */
  readonly metrics: AppMetrics;
  readonly repo: TestRepo;
  /** The queue's workers, not started: {@link Harness.receive} runs them until the queue is idle. */
  readonly workers: DeliveryWorkers;
  /** Moves the app's clock forward (retry times, decision timestamps). */
  advanceClock(ms: number): void;
  /** Loads a real payload about the test repository (installation 1), with a fresh delivery id. */
  event<N extends WebhookName>(name: N, options?: LoadPayloadOptions<N>): WebhookEventOf<N>;
  /** {@link Harness.event}, delivered: see {@link Harness.deliver}. */
  receive<N extends WebhookName>(name: N, options?: LoadPayloadOptions<N>): Promise<WebhookEventOf<N>>;
  /**
   * Sends an event to the app as GitHub would (it is stored in the queue and acknowledged), then
   * lets the workers process every due delivery. A delivery that failed waits for its retry: see
   * {@link Harness.retryFailed}.
   */
  deliver(event: { id: string; name: WebhookName; payload: unknown }): Promise<void>;
  /** Moves the clock past the first retry's backoff and processes the deliveries that became due. */
  retryFailed(): Promise<void>;
  /** The last error of a delivery waiting for a retry or parked; undefined when it has none. */
  deliveryError(id: string): Promise<string | undefined>;
  /** The URL path of the repository's API, e.g. `/repos/acme/shop-3`. */
  readonly api: string;
  /** Seals channels with {@link TEST_NOTIFY_KEY}. */
  readonly sealer: ChannelSealer;
  /** The notification senders, not started: `runUntilIdle` sends what is due (1 s per attempt at most). */
  readonly notifier: NotificationSender;
  /**
   * Registers a channel for the test repository's owner as `deliverybot notify add` would; returns
   * the webhook secret (null for Slack).
   */
  registerChannel(name: string, url: string, options?: { kind?: ChannelKind; allowPrivate?: boolean }): Promise<string | null>;
}

/** The `NOTIFY_KEY` of the harness's senders. */
export const TEST_NOTIFY_KEY = "test-notify-key-0123456789abcdefghijklmnop";

/** The installation every harness event comes from: expect its token once per test that calls GitHub. */
export const INSTALLATION_ID = 1;
let nextRepoId = 1000;

/**
 * Opens one in-memory store per test file (PGlite takes seconds to start), from the run's migrated
 * template when there is one (see {@link pgliteTemplate}).
 */
export async function openTestStore(): Promise<Store> {
  return createPgliteStore({ loadDataDir: await pgliteTemplate() });
}

/** A fresh Probot, cache and repository per test, sharing the file's store. */
export async function createHarness(store: Store, github: GitHubMock = mockGitHub()): Promise<Harness> {
  nextRepoId += 1;
  const repo: TestRepo = { id: nextRepoId, owner: "acme", name: `shop-${nextRepoId}` };
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  // The caches keep the harness's time: advancing the clock expires them as time would.
  const caches = createGitHubCaches(() => now().getTime());
  const metrics = createMetrics({ store, hookCounters: createHookCounters(), now });
  const parts: AppParts = {
    store,
    caches,
    now,
    metrics: metrics.metrics,
    notifications: { githubUrl: "https://github.com", onQueued: () => {} },
  };
  const sealer = createChannelSealer(TEST_NOTIFY_KEY);
  const probot = await createTestProbot(createApp(parts));
  const openRepo = createRepoContexts(probot, parts);
  const processDelivery = createDeliveryProcessor(openRepo, probot.log);
  const workers = createDeliveryWorkers({
    store,
    now: parts.now,
    log: probot.log,
    // The file's tests share one store: a delivery an earlier test left queued (a retry it did not
    // wait for) is not this test's to process.
    process: async (delivery) => {
      if (delivery.repoId === repo.id) await processDelivery(delivery);
    },
    concurrency: 1,
    leaseMs: 60_000,
    pollMs: 1_000,
  });

  const harness: Harness = {
    probot,
    store,
    github,
    caches,
    parts,
    // Like the workers, the sweep leaves alone what earlier tests on the file's store left behind.
    sweepParts: { store, now: parts.now, openRepo: onlyThisRepo(openRepo, repo), metrics: metrics.metrics, log: probot.log },
    metrics,
    repo,
    workers,
    advanceClock(ms) {
      clockOffsetMs += ms;
    },
    api: `/repos/${repo.owner}/${repo.name}`,
    sealer,
    notifier: createNotificationSender({
      store,
      sealer,
      now,
      log: probot.log,
      metrics: metrics.metrics,
      concurrency: 1,
      pollMs: 1_000,
      post: { timeoutMs: 1_000 },
    }),
    async registerChannel(name, url, options = {}) {
      const kind = options.kind ?? "webhook";
      const secret = kind === "webhook" ? `secret-${name}-${repo.id}` : null;
      const owner = repo.owner.toLowerCase();
      await store.saveChannel(
        {
          owner,
          name,
          kind,
          sealed: sealer.seal({ url, secret }, `${owner}/${name}`),
          keyId: sealer.keyId,
          urlHint: new URL(url).origin,
          allowPrivate: options.allowPrivate ?? true,
          createdAt: now(),
        },
        true,
      );
      return secret;
    },
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
      await harness.deliver(event);
      return event;
    },
    async deliver(event) {
      await probot.receive(event as Parameters<Probot["receive"]>[0]);
      await workers.runUntilIdle();
    },
    async retryFailed() {
      harness.advanceClock(FIRST_RETRY_MS);
      await workers.runUntilIdle();
    },
    async deliveryError(id) {
      const listed = await store.listDeliveries({ statuses: ["queued", "parked"], failedOnly: true, limit: 1000 });
      return listed.find((delivery) => delivery.id === id)?.error ?? undefined;
    },
  };
  return harness;
}

/** Opens only the test repository's contexts: work on another repository fails (and is tried again later). */
function onlyThisRepo(openRepo: OpenRepoContext, repo: TestRepo): OpenRepoContext {
  return async (address, work) => {
    if (address.repo.id !== repo.id) throw new Error(`repository ${address.repo.id} belongs to another test of this file`);
    return openRepo(address, work);
  };
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
