import type { ApplicationFunctionOptions, Probot } from "probot";
import { createApp, type AppParts } from "./app.js";
import { createFindRepository, createRepoContexts } from "./create-repo-contexts.js";
import { createGitHubCaches } from "./github/github-caches.js";
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
 * the HTTP routes (`/healthz`, deploy hooks, admin API, metrics), the queue's workers and the retry sweep.
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
  const parts: AppParts = { store, caches: createGitHubCaches(), now, metrics };
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
  const routeParts = { store, now, openRepo, findRepository, onQueued, metricsRegistry: registry };
  registerRoutes(app, options.addHandler, routeParts, hooks, env);
  const stopSweep = startRetrySweep({ store, now, openRepo, metrics, log: app.log });
  workers.start();
  app.log.info({ store: backend, location, workers: settings.concurrency }, "Deliverybot is ready");

  return {
    parts,
    async stop(drainMs) {
      stopSweep();
      const drained = await workers.stop(drainMs);
      await store.close();
      return drained;
    },
  };
}
