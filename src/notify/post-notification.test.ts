import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { postNotification, type PostOutcome } from "./post-notification.js";

const TOKEN = "xoxSecretToken123";
const BODY = '{"event":"deployment.succeeded","environment":"prödüction"}';

/** A loopback receiver on a port the OS picked, recording what reached it. */
interface Receiver {
  readonly origin: string;
  readonly hits: { readonly path: string; readonly headers: IncomingMessage["headers"]; readonly body: string }[];
  readonly connections: () => number;
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Receiver> {
  const hits: Receiver["hits"][number][] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      hits.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      handle(req, res);
    });
  });
  server.on("connection", () => (connections += 1));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return { origin: `http://127.0.0.1:${address.port}`, hits, connections: () => connections };
}

function answer(status: number, body = "", headers: Record<string, string> = {}) {
  return (_req: IncomingMessage, res: ServerResponse) => res.writeHead(status, headers).end(body);
}

function post(url: string, options: { allowPrivate?: boolean; timeoutMs?: number } = {}): Promise<PostOutcome> {
  return postNotification(
    { url, headers: { "content-type": "application/json", "x-deliverybot-event": "deployment.succeeded" }, body: BODY },
    { allowPrivate: options.allowPrivate ?? true, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) },
  );
}

describe("postNotification", () => {
  it("delivers on 200, sending the body as UTF-8 with its content-length and the request's headers", async () => {
    const server = await receiver(answer(200, "ok"));

    const outcome = await post(`${server.origin}/hooks/deliverybot?token=${TOKEN}`);

    expect(outcome).toEqual({ kind: "delivered", status: 200 });
    expect(server.hits).toEqual([
      {
        path: `/hooks/deliverybot?token=${TOKEN}`,
        headers: expect.objectContaining({
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(BODY)),
          "x-deliverybot-event": "deployment.succeeded",
        }),
        body: BODY,
      },
    ]);
  });

  it("delivers on any 2xx", async () => {
    const server = await receiver(answer(204));

    const outcome = await post(`${server.origin}/x`);

    expect(outcome).toEqual({ kind: "delivered", status: 204 });
  });

  it.each([500, 502, 503, 408])("retries on %i", async (status) => {
    const server = await receiver(answer(status, "upstream down"));

    const outcome = await post(`${server.origin}/x`);

    expect(outcome).toEqual({ kind: "retry", error: `${server.origin} answered ${status}: upstream down` });
  });

  it("retries a 429 no sooner than its Retry-After in seconds", async () => {
    const server = await receiver(answer(429, "slow down", { "retry-after": "7" }));

    const outcome = await post(`${server.origin}/x`);

    expect(outcome).toEqual({ kind: "retry", error: `${server.origin} answered 429: slow down`, retryAfterMs: 7000 });
  });

  it("retries a 503 no sooner than its Retry-After date, at most an hour", async () => {
    const inADay = new Date(Date.now() + 24 * 3600_000).toUTCString();
    const server = await receiver(answer(503, "", { "retry-after": inADay }));

    const outcome = await post(`${server.origin}/x`);

    expect(outcome).toEqual({ kind: "retry", error: `${server.origin} answered 503`, retryAfterMs: 3_600_000 });
  });

  it.each([
    [404, "no_service"],
    [410, "channel_is_archived"],
    [400, "invalid_payload"],
    [403, "invalid_token"],
  ])("refuses on %i, quoting the body (%s)", async (status, body) => {
    const server = await receiver(answer(status, body));

    const outcome = await post(`${server.origin}/services/T0/B0/${TOKEN}`);

    expect(outcome).toEqual({ kind: "refused", error: `${server.origin} answered ${status}: ${body}` });
  });

  it("quotes at most 200 printable characters of the body, on one line", async () => {
    const server = await receiver(answer(400, `bad\r\npayload\t\u0000${"x".repeat(5000)}`));

    const outcome = await post(`${server.origin}/x`);

    const error = outcome.kind === "refused" ? outcome.error : "";
    expect(error.startsWith(`${server.origin} answered 400: bad payload xxx`)).toBe(true);
    expect(error.length).toBeLessThanOrEqual(`${server.origin} answered 400: `.length + 200);
    expect(error).not.toMatch(/[\r\n\t]/);
    expect(error).not.toContain("\u0000");
  });

  it("does not quote the URL's path, query or userinfo when the body echoes them", async () => {
    const server = await receiver((req, res) => res.writeHead(404).end(`Cannot POST ${req.url ?? ""}`));

    const outcome = await post(`${server.origin.replace("//", `//user:${TOKEN}@`)}/hooks/${TOKEN}?t=${TOKEN}`);

    expect(outcome).toEqual({ kind: "refused", error: `${server.origin} answered 404: Cannot POST …` });
  });

  it("refuses a redirect without following it", async () => {
    const server = await receiver((req, res) => {
      if (req.url === "/first") res.writeHead(302, { location: "/second" }).end();
      else res.writeHead(200).end();
    });

    const outcome = await post(`${server.origin}/first`);

    expect(outcome).toEqual({
      kind: "refused",
      error: `${server.origin} answered 302: redirects are not followed; register the final URL`,
    });
    expect(server.hits.map((hit) => hit.path)).toEqual(["/first"]);
  });

  it("retries when the receiver does not answer in time, and says after how long", async () => {
    const server = await receiver(() => undefined);

    const outcome = await post(`${server.origin}/x`, { timeoutMs: 200 });

    expect(outcome).toEqual({ kind: "retry", error: `${server.origin} timed out after 0.2 s` });
  });

  it("keeps the outcome of the status when the body does not end in time", async () => {
    const server = await receiver((_req, res) => res.writeHead(200).write("partial"));

    const outcome = await post(`${server.origin}/x`, { timeoutMs: 200 });

    expect(outcome).toEqual({ kind: "delivered", status: 200 });
  });

  it("stops reading an endless body and closes the connection", async () => {
    const chunk = Buffer.alloc(16 * 1024, "x");
    let written = 0;
    let closed: () => void = () => undefined;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    const server = await receiver((_req, res) => {
      res.writeHead(200);
      res.on("close", () => closed());
      const pump = () => {
        while (!res.destroyed && written < 1024 ** 3) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      pump();
    });

    const outcome = await post(`${server.origin}/x`);
    await serverSawClose;

    expect(outcome).toEqual({ kind: "delivered", status: 200 });
    expect(written).toBeLessThan(64 * 1024 ** 2);
  });

  it("retries with the error code when the connection is refused", async () => {
    const port = await closedPort();

    const outcome = await post(`http://127.0.0.1:${port}/hooks/${TOKEN}`);

    expect(outcome).toEqual({ kind: "retry", error: `could not reach http://127.0.0.1:${port}: ECONNREFUSED` });
  });

  it("retries with the error code when the receiver hangs up", async () => {
    const server = await receiver((req) => req.socket.destroy());

    const outcome = await post(`${server.origin}/x`);

    expect(outcome).toEqual({ kind: "retry", error: `could not reach ${server.origin}: ECONNRESET` });
  });

  it("refuses a private IP literal before connecting unless allowed", async () => {
    const server = await receiver(answer(200));

    const outcome = await post(`${server.origin}/hooks/${TOKEN}`, { allowPrivate: false });

    expect(outcome).toEqual({
      kind: "refused",
      error: `refused: ${server.origin} is a private address; register the channel with --allow-private to allow it`,
    });
    expect(server.connections()).toBe(0);
  });

  it("refuses a name that resolves to a private address, checked on the address connected to", async () => {
    const server = await receiver(answer(200));
    const byName = server.origin.replace("127.0.0.1", "localhost");

    const outcome = await post(`${byName}/hooks/${TOKEN}?t=${TOKEN}`, { allowPrivate: false });

    expect(outcome).toEqual({
      kind: "refused",
      error: expect.stringMatching(
        /^refused: http:\/\/localhost:\d+ resolves to a private address \((127\.0\.0\.1|::1)\); register the channel with --allow-private to allow it$/,
      ),
    });
    expect(server.connections()).toBe(0);
  });

  it.each([
    ["not a URL", "hooks.example.com/x"],
    ["another scheme", "ftp://files.example.com/x"],
  ])("refuses a URL that is %s", async (_name, url) => {
    const outcome = await post(url);

    expect(outcome).toEqual({ kind: "refused", error: "the channel's URL is not an http(s) URL: register the channel again" });
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}
