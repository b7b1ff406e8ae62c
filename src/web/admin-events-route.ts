import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import { hookResponse, type HookResponse } from "../hooks/hook-response.js";
import type { DeliveryFilter, DeliveryRecord, DeliveryStore } from "../store/delivery-store.js";
import type { NotificationRecord, NotificationStore } from "../store/notification-store.js";
import { adminError, createAdminRoute } from "./admin-route.js";
import { decodePathSegment } from "./read-admin-body.js";

/** Events listed when the request gives no `limit`. */
export const DEFAULT_EVENTS_LIMIT = 50;
/** The largest `limit` accepted. */
export const MAX_EVENTS_LIMIT = 1000;

/** What `/admin/events` runs with. */
export interface AdminEventsRouteOptions {
  readonly store: Pick<DeliveryStore, "listDeliveries" | "requeueDelivery"> &
    Pick<NotificationStore, "listNotifications" | "requeueNotification">;
  readonly now: () => Date;
  readonly log: Logger;
  /** The admin token; undefined or too short: the route is absent. */
  readonly adminToken: string | undefined;
  /** Called after a parked delivery was queued again (wakes the workers). */
  readonly onQueued?: () => void;
  /** Called after a parked notification was queued again (wakes the sender). */
  readonly onNotificationQueued?: () => void;
}

const PATH = /^\/admin\/events(?:\/([^/]+)\/retry)?\/?$/;

const error = adminError;

/** Parked deliveries (and notifications) and those waiting for a retry after a failure. */
const FAILING: Omit<DeliveryFilter, "limit"> = { statuses: ["parked", "queued"], failedOnly: true };
/** Everything not processed (or sent) yet. */
const UNFINISHED: Omit<DeliveryFilter, "limit"> = { statuses: ["parked", "queued", "running"] };

/**
 * The admin API behind `deliverybot events`: `GET /admin/events[?all=1][&limit=N]` lists parked
 * deliveries and those waiting to be retried, newest first, with their last error (`all=1`: every
 * delivery not processed yet) as `events`, and the outbound notifications in the same states as
 * `notifications` (at most `limit` of each); `POST /admin/events/<id>/retry` queues a parked
 * delivery, or else a parked notification of that id, again. `Authorization: Bearer
 * <ADMIN_TOKEN>`, like `/admin/hooks`.
 */
export function createAdminEventsRoute(options: AdminEventsRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req, url, match) =>
    match[1] === undefined ? list(req, url, options) : retry(req, match[1], options),
  );
}

async function list(req: IncomingMessage, url: URL, options: AdminEventsRouteOptions): Promise<HookResponse> {
  if (req.method !== "GET") return error(405, "method not allowed", { allow: "GET" });
  const all = url.searchParams.get("all");
  if (all !== null && all !== "0" && all !== "1") return error(400, `all must be 0 or 1, got ${JSON.stringify(all)}`);
  const rawLimit = url.searchParams.get("limit");
  const limit = rawLimit === null ? DEFAULT_EVENTS_LIMIT : Number(rawLimit);
  if (!/^\d+$/.test(rawLimit ?? "1") || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_EVENTS_LIMIT) {
    return error(400, `limit must be a whole number from 1 to ${MAX_EVENTS_LIMIT}, got ${JSON.stringify(rawLimit)}`);
  }
  const filter = { ...(all === "1" ? UNFINISHED : FAILING), limit };
  const deliveries = await options.store.listDeliveries(filter);
  const notifications = await options.store.listNotifications(filter);
  return hookResponse(200, { events: deliveries.map(describeDelivery), notifications: notifications.map(describeNotification) });
}

async function retry(req: IncomingMessage, rawId: string, options: AdminEventsRouteOptions): Promise<HookResponse> {
  if (req.method !== "POST") return error(405, "method not allowed", { allow: "POST" });
  const id = decodePathSegment(rawId);
  if (id === undefined) return error(400, `invalid delivery id ${JSON.stringify(rawId)}`);
  if (await options.store.requeueDelivery(id, options.now())) {
    options.log.info({ delivery: id }, "parked delivery queued again");
    options.onQueued?.();
    return hookResponse(200, { id, status: "queued" });
  }
  if (await options.store.requeueNotification(id, options.now())) {
    options.log.info({ notification: id }, "parked notification queued again");
    options.onNotificationQueued?.();
    return hookResponse(200, { id, status: "queued", kind: "notification" });
  }
  return error(409, `delivery ${JSON.stringify(id)} is not parked: only parked deliveries can be retried`);
}

function describeDelivery(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    event: delivery.event,
    action: delivery.action,
    status: delivery.status,
    attempts: delivery.attempts,
    error: delivery.error,
    receivedAt: delivery.receivedAt.toISOString(),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    finishedAt: delivery.finishedAt?.toISOString() ?? null,
  };
}

function describeNotification(notification: NotificationRecord) {
  return {
    id: notification.id,
    owner: notification.owner,
    channel: notification.channel,
    repoId: notification.repoId,
    deploymentId: notification.deploymentId,
    event: notification.event,
    status: notification.status,
    attempts: notification.attempts,
    error: notification.error,
    createdAt: notification.createdAt.toISOString(),
    nextAttemptAt: notification.nextAttemptAt?.toISOString() ?? null,
    finishedAt: notification.finishedAt?.toISOString() ?? null,
  };
}
