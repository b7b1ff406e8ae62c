import type { ApplicationFunctionOptions, Probot } from "probot";
import { startDeliverybot } from "./start-deliverybot.js";

/** How long `SIGTERM` waits for deliveries in progress before the process exits anyway. */
const DRAIN_TIMEOUT_MS = 25_000;

/**
 * The Probot entry point (`probot run ./lib/index.js`): starts Deliverybot on the environment's
 * settings. `SIGTERM` drains: no new claims, deliveries in progress finish (a delivery still running
 * after 25 s is taken over by another instance once its lease runs out), then the process exits.
 */
export default async function deliverybot(app: Probot, options: ApplicationFunctionOptions): Promise<void> {
  const running = await startDeliverybot(app, options, process.env);
  process.once("SIGTERM", () => {
    app.log.info("SIGTERM: draining the deliveries in progress");
    void running
      .stop(DRAIN_TIMEOUT_MS)
      .then((drained) => app.log.info({ drained }, drained ? "drained; exiting" : "drain timed out; exiting"))
      .catch((error: unknown) => app.log.error({ err: error }, "could not stop cleanly"))
      .finally(() => process.exit(0));
  });
}
