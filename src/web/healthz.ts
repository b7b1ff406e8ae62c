import type { IncomingMessage, ServerResponse } from "node:http";
import type { DeliveryStore } from "../store/delivery-store.js";

/**
 * `GET /healthz`: 200 with the queue's counts (`queued`, `running`, `parked`) when the store answers,
 * 503 otherwise; for load balancers, orchestrators and dashboards.
 */
export function createHealthz(store: Pick<DeliveryStore, "countDeliveries">) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return false;
    try {
      const queue = await store.countDeliveries();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", queue }));
    } catch {
      res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ status: "store unavailable" }));
    }
    return true;
  };
}
