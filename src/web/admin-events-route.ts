import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import { hookResponse, type HookResponse } from "../hooks/hook-response.js";
import type { DeliveryRecord, Store } from "../store/store.js";
import { adminError, createAdminRoute } from "./admin-route.js";

/** A delivery still `processing` after this long is listed as stuck by `?all=1`. */
export const STUCK_AFTER_MS = 10 * 60_000;

/** Events listed when the request gives no `limit`. */
export const DEFAULT_EVENTS_LIMIT = 50;
/** The largest `limit` accepted. */
export const MAX_EVENTS_LIMIT = 1000;

/** What `GET /admin/events` runs with. */
export interface AdminEventsRouteOptions {
  readonly store: Pick<Store, "listDeliveries">;
  readonly now: () => Date;
  readonly log: Logger;
  /** The admin token; undefined or too short: the route is absent. */
  readonly adminToken: string | undefined;
}

const PATH = /^\/admin\/events\/?$/;

const error = adminError;

/**
 * The admin API behind `deliverybot events`: `GET /admin/events[?all=1][&limit=N]` lists the
 * webhook deliveries that failed, newest first, and with `all=1` also those stuck in processing
 * for more than 10 minutes. `Authorization: Bearer <ADMIN_TOKEN>`, like `/admin/hooks`.
 */
export function createAdminEventsRoute(options: AdminEventsRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req, url) => answer(req, url, options));
}

async function answer(req: IncomingMessage, url: URL, options: AdminEventsRouteOptions): Promise<HookResponse> {
  if (req.method !== "GET") return error(405, "method not allowed", { allow: "GET" });
  const all = url.searchParams.get("all");
  if (all !== null && all !== "0" && all !== "1") return error(400, `all must be 0 or 1, got ${JSON.stringify(all)}`);
  const rawLimit = url.searchParams.get("limit");
  const limit = rawLimit === null ? DEFAULT_EVENTS_LIMIT : Number(rawLimit);
  if (!/^\d+$/.test(rawLimit ?? "1") || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_EVENTS_LIMIT) {
    return error(400, `limit must be a whole number from 1 to ${MAX_EVENTS_LIMIT}, got ${JSON.stringify(rawLimit)}`);
  }
  const deliveries = await options.store.listDeliveries(
    all === "1"
      ? { statuses: ["failed", "processing"], olderThan: new Date(options.now().getTime() - STUCK_AFTER_MS), limit }
      : { statuses: ["failed"], limit },
  );
  return hookResponse(200, { events: deliveries.map(describeDelivery) });
}

function describeDelivery(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    event: delivery.event,
    action: delivery.action,
    status: delivery.status,
    error: delivery.error,
    receivedAt: delivery.receivedAt.toISOString(),
    finishedAt: delivery.finishedAt?.toISOString() ?? null,
  };
}
