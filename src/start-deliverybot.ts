import type { ApplicationFunctionOptions, Probot } from "probot";
import { createApp, type AppParts } from "./app.js";
import { createFindRepository, createRepoContexts } from "./create-repo-contexts.js";
import { createDashboard } from "./dashboard/create-dashboard.js";
import { readDashboardSettings } from "./dashboard/dashboard-settings.js";
import { createDashboardCaches } from "./dashboard/dashboard-caches.js";
import { watchRepositoryVersions, type RepositoryVersions } from "./dashboard/repository-versions.js";
import { createVisibleRepositories } from "./dashboard/visible-repositories.js";
import { createGitHubCaches } from "./github/github-caches.js";
import { createRateLimiter } from "./hooks/create-rate-limiter.js";
import { readGitHubUrls } from "./github/github-urls.js";
import { createNotificationSender, type NotificationSender } from "./notify/notification-sender.js";
import { createChannelSealer, MIN_NOTIFY_KEY_LENGTH, type ChannelSealer } from "./notify/seal-channel.js";
import { createDeliveryProcessor } from "./process-delivery.js";
import { createDeliveryWorkers } from "./queue/delivery-workers.js";
import { readWorkerSettings } from "./queue/worker-settings.js";
import { startRetrySweep } from "./start-retry-sweep.js";
import { openStore, type StoreEnvironment } from "./store/open-store.js";
import { createMetrics } from "./web/create-metrics.js";
import { createHookRuntime, registerRoutes } from "./web/register-routes.js";

/** A started Deliverybot: what it runs on, and how to stop it. */
export interface Deliverybot {
  readonly parts: AppParts;
  /**
   * Stops taking work: the retry sweep stops, workers claim nothing more and the deliveries in
   * progress finish (at most `drainMs`), then the store closes. Resolves true when everything
   * in progress finished.
   */
  stop(drainMs: number): Promise<boolean>;
}

/**
 * Starts Deliverybot inside a Probot app: opens the store (`DATABASE_URL`, else the embedded database
 * under `DATA_DIR`), registers the webhook receiver (verified deliveries go to the durable queue),
 * the HTTP routes (`/healthz`, deploy hooks, admin API, metrics, the dashboard when it has its
 * settings), the queue's workers, the notification senders (when `NOTIFY_KEY` is set) and the retry sweep.
 */
export async function startDeliverybot(
  app: Probot,
  options: ApplicationFunctionOptions,
  env: NodeJS.ProcessEnv & StoreEnvironment,
): Promise<Deliverybot> {
  const settings = readWorkerSettings(env);
  const { store, backend, location } = await openStore(env, process.cwd(), {
    onConnectionError: (error) => app.log.warn({ err: error }, "a PostgreSQL connection failed; the pool reconnects"),
  });
  const now = () => new Date();
  const hooks = createHookRuntime({ now });
  const { metrics, registry } = createMetrics({ store, hookCounters: hooks.counters, now });
  const sealer = readNotifyKey(env.NOTIFY_KEY, app.log);
  const sender =
    sealer === undefined
      ? undefined
      : createNotificationSender({
          store,
          sealer,
          now,
          log: app.log.child({ name: "notify" }),
          metrics,
          concurrency: 2,
          pollMs: 1_000,
        });
  const github = readGitHubUrls(env);
  const notifications = { githubUrl: github.web, onQueued: () => sender?.wake() };
  const parts: AppParts = { store, caches: createGitHubCaches(), now, metrics, notifications };
  const openRepo = createRepoContexts(app, parts);
  const workers = createDeliveryWorkers({
    ...settings,
    store,
    now: parts.now,
    log: app.log,
    process: createDeliveryProcessor(openRepo, app.log),
  });
  const onQueued = () => workers.wake();

  await createApp(parts, onQueued)(app, options);
  const findRepository = createFindRepository(app);
  const routeParts = {
    store,
    now,
    openRepo,
    findRepository,
    onQueued,
    metricsRegistry: registry,
    onNotificationQueued: notifications.onQueued,
    ...(sealer === undefined ? {} : { sealer }),
  };
  registerRoutes(app, options.addHandler, routeParts, hooks, env);
  const dashboard = readDashboardSettings(env, github);
  let versions: RepositoryVersions | undefined;
  if (dashboard.on) {
    versions = await watchRepositoryVersions(store);
    options.addHandler(
      createDashboard({
        store,
        now,
        log: app.log.child({ name: "dashboard" }),
        settings: dashboard.settings,
        visible: createVisibleRepositories(now),
        caches: createDashboardCaches(now),
        versions,
        signInLimiter: createRateLimiter({ capacity: 10, refillEveryMs: 6_000, now: () => now().getTime() }),
        actionLimiter: createRateLimiter({ capacity: 10, refillEveryMs: 3_000, now: () => now().getTime() }),
        openRepo,
      }),
    );
  } else {
    app.log.info(`dashboard off: ${dashboard.why}`);
  }
  const stopSweep = startRetrySweep({ store, now, openRepo, metrics, log: app.log }, settings.sweepMs);
  workers.start();
  sender?.start();
  app.log.info({ store: backend, location, workers: settings.concurrency }, "Deliverybot is ready");

  return {
    parts,
    async stop(drainMs) {
      stopSweep();
      const [drained, sent] = await Promise.all([workers.stop(drainMs), stopSender(sender, drainMs)]);
      await versions?.stop();
      await store.close();
      return drained && sent;
    },
  };
}

/**
 * The sealer of notification channels, from `NOTIFY_KEY`; without a usable key channels cannot be
 * registered or sent to (and this process's senders do not run).
 */
function readNotifyKey(key: string | undefined, log: Probot["log"]): ChannelSealer | undefined {
  if (key === undefined || key === "") return undefined;
  if (key.length < MIN_NOTIFY_KEY_LENGTH) {
    log.warn(`NOTIFY_KEY is shorter than ${MIN_NOTIFY_KEY_LENGTH} characters: notifications stay off`);
    return undefined;
  }
  return createChannelSealer(key);
}

async function stopSender(sender: NotificationSender | undefined, drainMs: number): Promise<boolean> {
  return sender === undefined ? true : sender.stop(drainMs);
}
