import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { nowMs } from "./send-webhooks.js";

/** One request the receiver got, as it came. */
export interface ReceivedRequest {
  /** When its headers arrived (epoch ms, the clock `nowMs` reads). */
  readonly at: number;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A channel's receiver on 127.0.0.1: every request it got. */
export interface NotificationReceiver {
  /** `http://127.0.0.1:<port>/hook`. */
  readonly url: string;
  readonly received: readonly ReceivedRequest[];
  stop(): Promise<void>;
}

/**
 * A `node:http` server in this process standing for a channel's receiver: it stamps each request's
 * arrival, keeps its headers and body, and answers 200 at once (checking signatures and ids is
 * left to the tally, so the receiver costs the app no waiting).
 */
export async function startNotificationReceiver(): Promise<NotificationReceiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const at = nowMs();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      received.push({ at, path: req.url ?? "", headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
