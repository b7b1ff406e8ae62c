import type { IncomingMessage, ServerResponse } from "node:http";
import type { Store } from "../store/store.js";

/** `GET /healthz`: 200 when the store answers, 503 otherwise; for load balancers and orchestrators. */
export function createHealthz(store: Store) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return false;
    try {
      await store.ping();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    } catch {
      res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ status: "store unavailable" }));
    }
    return true;
  };
}
