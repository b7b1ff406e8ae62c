import type { NotificationRoute } from "../config/model.js";
import type { NotificationEvent } from "../domain/notifications.js";
import { matchRef } from "./match-ref.js";

/**
 * The `notifications` entries an event of a deployment to `environment` goes to: those whose
 * `states` and `environments` let it through (omitted: everything). A channel named twice gets
 * it once.
 */
export function selectNotificationRoutes(
  routes: readonly NotificationRoute[],
  event: NotificationEvent,
  environment: string,
): NotificationRoute[] {
  const selected = new Map<string, NotificationRoute>();
  for (const route of routes) {
    if (route.states !== undefined && !route.states.includes(event)) continue;
    if (route.environments !== undefined && !route.environments.some((pattern) => matchRef(pattern, environment))) continue;
    if (!selected.has(route.channel)) selected.set(route.channel, route);
  }
  return [...selected.values()];
}
