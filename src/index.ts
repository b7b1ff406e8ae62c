import { resolve } from "node:path";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { createApp } from "./app.js";
import { createGitHubCaches } from "./github/github-caches.js";
import { startRetrySweep } from "./start-retry-sweep.js";
import { createPgliteStore } from "./store/create-pglite-store.js";
import { registerRoutes } from "./web/register-routes.js";

/**
 * The Probot entry point (`probot run ./lib/index.js`): opens the store under `DATA_DIR`
 * (default `./.data`), registers the webhook handlers, the HTTP routes (`/healthz`, deploy hooks)
 * and the retry sweep.
 */
export default async function deliverybot(app: Probot, options: ApplicationFunctionOptions): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? ".data");
  const store = await createPgliteStore({ dataDir });
  const parts = { store, caches: createGitHubCaches(), now: () => new Date() };

  await createApp(parts)(app, options);
  registerRoutes(app, options.addHandler, parts);
  const stopSweep = startRetrySweep(app, parts);
  process.once("SIGTERM", () => {
    stopSweep();
    void store.close().finally(() => process.exit(0));
  });
  app.log.info({ dataDir }, "Deliverybot is ready");
}
