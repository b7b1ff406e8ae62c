import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got. */
export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A real HTTP receiver on loopback, as a user would run one. */
export interface Receiver {
  readonly url: string;
  readonly requests: readonly ReceivedRequest[];
  /** The JSON bodies received, in order. */
  bodies(): Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * Starts a receiver on 127.0.0.1 (a port the OS hands out). `answer` replies to each request
 * (default 200 "ok"); a request is recorded before it is answered.
 */
export async function startReceiver(
  answer: (request: ReceivedRequest, response: ServerResponse) => void = (_request, response) => response.end("ok"),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/deliverybot?token=receiver-secret-token`,
    requests,
    bodies: () => requests.map((request) => JSON.parse(request.body) as Record<string, unknown>),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What a receiver's own code does with a Deliverybot webhook, as the README shows it: the
 * `X-Deliverybot-Signature-256` header must be the HMAC-SHA256 of the raw body with the channel's
 * secret (compared in constant time), and the body's timestamp recent (replays refused).
 */
export function verifyDeliverybotWebhook(secret: string, request: ReceivedRequest, now = Date.now()): boolean {
  const header = request.headers["x-deliverybot-signature-256"];
  if (typeof header !== "string") return false;
  const expected = `sha256=${createHmac("sha256", secret).update(request.body).digest("hex")}`;
  if (header.length !== expected.length || !timingSafeEqual(Buffer.from(header), Buffer.from(expected))) return false;
  const { timestamp } = JSON.parse(request.body) as { timestamp?: unknown };
  return typeof timestamp === "number" && Math.abs(now / 1000 - timestamp) <= 300;
}
