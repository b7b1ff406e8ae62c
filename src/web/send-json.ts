import type { ServerResponse } from "node:http";
import type { HookResponse } from "../hooks/hook-response.js";

/** Writes a JSON answer that no cache keeps (hook answers are about one request). */
export function sendJson(res: ServerResponse, response: HookResponse): void {
  const body = JSON.stringify(response.body);
  res
    .writeHead(response.status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...response.headers,
    })
    .end(body);
}
