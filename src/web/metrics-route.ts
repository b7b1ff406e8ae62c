import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { Registry } from "prom-client";
import { createAdminAuth, isAdminTokenUsable } from "./admin-auth.js";
import { sendJson } from "./send-json.js";

/** What `GET /metrics` serves. */
export interface MetricsRouteOptions {
  readonly registry: Registry;
  /** `METRICS_TOKEN`: at least 32 characters, as `ADMIN_TOKEN`; without one the route does not exist. */
  readonly token: string | undefined;
  readonly log: Pick<Logger, "error">;
}

/**
 * `GET /metrics` in Prometheus' text format, for a scraper that sends `Authorization: Bearer
 * <METRICS_TOKEN>` (401 otherwise). Off unless the token is set: metrics name repositories' events
 * and GitHub's routes, which is nobody else's business. A store that does not answer the queue's
 * gauges makes the scrape fail with 503, so a gap shows instead of stale numbers.
 */
export function createMetricsRoute(options: MetricsRouteOptions) {
  const authorize = isAdminTokenUsable(options.token) ? createAdminAuth(options.token, "deliverybot-metrics") : undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (authorize === undefined || req.url?.split("?")[0] !== "/metrics") return false;
    if (!authorize(req, res)) return true;
    if (req.method !== "GET") {
      sendJson(res, { status: 405, body: { error: "method not allowed" }, headers: { allow: "GET" } });
      return true;
    }
    try {
      const text = await options.registry.metrics();
      res.writeHead(200, { "content-type": options.registry.contentType }).end(text);
    } catch (error) {
      options.log.error({ err: error }, "could not collect the metrics");
      sendJson(res, { status: 503, body: { error: "metrics unavailable: the store did not answer" } });
    }
    return true;
  };
}
