import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";

/**
 * A bare `node:http` webhook server for the acknowledgement benchmark, run as its own process on
 * `PORT`: it reads the body, checks `X-Hub-Signature-256` (HMAC-SHA256 with `WEBHOOK_SECRET`) and
 * answers 200 — after `accept` resolved, when given — or 401 when the signature is wrong. Any GET
 * answers 200, for readiness.
 */
export function serveWebhooks(accept?: (body: Buffer, headers: IncomingHttpHeaders) => Promise<void>): void {
  const secret = process.env["WEBHOOK_SECRET"] ?? "";
  const server = createServer((req, res) => {
    if (req.method === "GET") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
      const given = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return void res.writeHead(401, { "content-type": "text/plain" }).end("bad signature");
      }
      const ok = () => void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      if (accept === undefined) return ok();
      accept(body, req.headers).then(ok, (error: unknown) =>
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
      );
    });
  });
  server.listen(Number(process.env["PORT"] ?? 0), "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}
