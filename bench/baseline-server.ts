import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

/**
 * The baseline of the acknowledgement benchmark, run as its own process: a bare `node:http`
 * server that reads the body, checks `X-Hub-Signature-256` (HMAC-SHA256 with `WEBHOOK_SECRET`)
 * and answers 200, or 401 when the signature is wrong (any GET answers 200, for readiness).
 * Nothing an app could do faster.
 */
function startBaseline(): void {
  const secret = process.env["WEBHOOK_SECRET"] ?? "";
  const port = Number(process.env["PORT"] ?? 0);
  const server = createServer((req, res) => {
    if (req.method === "GET") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(Buffer.concat(chunks)).digest("hex")}`);
      const given = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
      const valid = given.length === expected.length && timingSafeEqual(given, expected);
      res.writeHead(valid ? 200 : 401, { "content-type": "text/plain" }).end(valid ? "ok" : "bad signature");
    });
  });
  server.listen(port, "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

startBaseline();
