import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { createChannelSealer } from "../../src/notify/seal-channel.js";
import { ADMIN_TOKEN } from "../hooks/admin-fixtures.js";
import { useHookServer } from "../hooks/hook-server.js";

const NOTIFY_KEY = "notify-key-for-tests-0123456789abcdefghij";
/** The part of a receiver's URL that stands for a token: it must never come back. */
const URL_TOKEN = "T0KEN-in-the-path-3f9a";

interface AddedChannel {
  readonly owner: string;
  readonly name: string;
  readonly kind: string;
  readonly urlHint: string;
  readonly allowPrivate: boolean;
  readonly secret?: string;
}

interface ReceivedRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A loopback HTTP receiver: records what it is sent and answers `status`. */
function useReceiver(status: number) {
  const received: ReceivedRequest[] = [];
  let server: Server | undefined;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver broke");
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return {
    received,
    /** The receiver's URL, with a token in its path and query as a real one would have. */
    url: () => `http://127.0.0.1:${port}/${URL_TOKEN}/notify?token=${URL_TOKEN}`,
    hint: () => `http://127.0.0.1:${port}`,
  };
}

const admin = (base: string, method: string, path: string, init: { body?: unknown; token?: string | null } = {}) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? ADMIN_TOKEN}` }),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
  });

/** The admin API behind `deliverybot notify`, end to end: real HTTP into the running app and out to a real receiver. */
describe("admin API: /admin/notify", () => {
  const logLines: string[] = [];
  const server = useHookServer({
    env: { ADMIN_TOKEN },
    parts: { sealer: createChannelSealer(NOTIFY_KEY) },
    log: pino({ level: "trace" }, { write: (line: string) => logLines.push(line) }),
  });
  const receiver = useReceiver(204);
  const broken = useReceiver(500);
  let nextOwner = 0;

  const call = (method: string, path: string, init: { body?: unknown; token?: string | null } = {}) =>
    admin(server.base, method, path, init);

  /** An account no other test uses. */
  const newOwner = () => {
    nextOwner += 1;
    return `acme-${nextOwner}`;
  };

  async function add(body: Record<string, unknown>): Promise<AddedChannel> {
    const response = await call("POST", "/admin/notify", { body });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return (await response.json()) as AddedChannel;
  }

  const webhook = (owner: string, url = receiver.url(), name = "deploys") => ({
    owner,
    name,
    kind: "webhook",
    url,
    allowPrivate: true,
  });

  describe("POST /admin/notify", () => {
    it("adds a webhook channel: 201 with its hint and a fresh secret; the store keeps the URL and secret sealed", async () => {
      const owner = newOwner();

      const added = await add({ ...webhook(owner.toUpperCase()) });

      expect(added).toEqual({
        owner,
        name: "deploys",
        kind: "webhook",
        urlHint: receiver.hint(),
        allowPrivate: true,
        secret: expect.stringMatching(/^[A-Za-z0-9_-]{43,}$/),
      });
      const stored = await server.store().findChannel(owner, "deploys");
      expect(stored).toMatchObject({ owner, name: "deploys", kind: "webhook", urlHint: receiver.hint(), allowPrivate: true });
      expect(stored?.keyId).toBe(createChannelSealer(NOTIFY_KEY).keyId);
      for (const secret of [URL_TOKEN, receiver.url(), added.secret ?? "missing"]) expect(stored?.sealed).not.toContain(secret);
      expect(createChannelSealer(NOTIFY_KEY).open(stored?.sealed ?? "", `${owner}/deploys`)).toEqual({
        url: receiver.url(),
        secret: added.secret,
      });
    });

    it("adds a Slack channel without a secret: the URL is the secret", async () => {
      const owner = newOwner();

      const added = await add({ owner, name: "ops", kind: "slack", url: `https://hooks.slack.com/services/${URL_TOKEN}` });

      expect(added).toEqual({ owner, name: "ops", kind: "slack", urlHint: "https://hooks.slack.com", allowPrivate: false });
    });

    it("answers 409 to a channel that exists, saying how to replace it; replace: true replaces it with a new secret", async () => {
      const owner = newOwner();
      const first = await add(webhook(owner));

      const again = await call("POST", "/admin/notify", { body: webhook(owner) });
      const unchanged = await server.store().findChannel(owner, "deploys");
      const replaced = await add({ ...webhook(owner, "https://hooks.example.com/other"), allowPrivate: false, replace: true });

      expect(again.status).toBe(409);
      expect(await again.json()).toEqual({
        error: `channel ${owner}/deploys exists: send "replace": true to replace it (deliverybot notify add --replace); its old URL and secret then stop working`,
      });
      expect(createChannelSealer(NOTIFY_KEY).open(unchanged?.sealed ?? "", `${owner}/deploys`).secret).toBe(first.secret);
      expect(replaced).toMatchObject({ urlHint: "https://hooks.example.com", allowPrivate: false });
      expect(replaced.secret).not.toBe(first.secret);
      expect(await server.store().findChannel(owner, "deploys")).toMatchObject({ urlHint: "https://hooks.example.com" });
    });

    it.each([
      ["bad JSON", "{", /^the body is not valid JSON; expected JSON \{"owner": "acme"/],
      ["no owner", { name: "deploys", kind: "webhook", url: "https://x.example" }, /^"owner" is missing/],
      ["no url", { owner: "acme", name: "deploys", kind: "webhook" }, /^"url" is missing/],
      [
        "an unknown key",
        { owner: "acme", name: "deploys", kind: "webhook", url: "https://x.example", secret: "s" },
        /^unknown key "secret"/,
      ],
      [
        "an owner that is no login",
        { owner: "acme/shop", name: "deploys", kind: "webhook", url: "https://x.example" },
        /^"owner" must be the GitHub account/,
      ],
      [
        "a bad name",
        { owner: "acme", name: "Deploys!", kind: "webhook", url: "https://x.example" },
        /^invalid channel name "Deploys!": use lower-case letters/,
      ],
      [
        "a bad kind",
        { owner: "acme", name: "deploys", kind: "email", url: "https://x.example" },
        /^"kind" must be "webhook" or "slack", got "email"$/,
      ],
      [
        "allowPrivate not a boolean",
        { owner: "acme", name: "deploys", kind: "slack", url: "https://x.example", allowPrivate: "yes" },
        /^"allowPrivate" must be true or false/,
      ],
      [
        "an ftp:// URL",
        { owner: "acme", name: "deploys", kind: "webhook", url: `ftp://files.example.com/${URL_TOKEN}` },
        /^the URL must start with https:\/\/ \(or http:\/\/\), not ftp:$/,
      ],
      [
        "no URL at all",
        { owner: "acme", name: "deploys", kind: "webhook", url: `${URL_TOKEN}` },
        /^the URL is not a valid absolute URL/,
      ],
      [
        "a loopback URL without allowPrivate",
        { owner: "acme", name: "deploys", kind: "webhook", url: `http://127.0.0.1:9/${URL_TOKEN}` },
        /^http:\/\/127\.0\.0\.1:9 points at a loopback, private or link-local address; .*--allow-private$/,
      ],
    ])("answers 400 to %s, saying what to fix without repeating the URL, and stores nothing", async (_name, body, message) => {
      const before = await server.store().listChannels();

      const response = await call("POST", "/admin/notify", { body });
      const text = await response.text();

      expect(response.status).toBe(400);
      expect((JSON.parse(text) as { error: string }).error).toMatch(message);
      expect(text).not.toContain(URL_TOKEN);
      expect(await server.store().listChannels()).toEqual(before);
    });

    it("answers 413 to a body over 64 KB", async () => {
      const body = { ...webhook(newOwner()), padding: "x".repeat(65 * 1024) };

      const response = await call("POST", "/admin/notify", { body });

      expect(response.status).toBe(413);
    });
  });

  describe("GET /admin/notify", () => {
    it("lists channels with their hint, never their URL or secret, and filters by owner", async () => {
      const owner = newOwner();
      const other = newOwner();
      const hook = await add(webhook(owner));
      await add({ owner, name: "alerts", kind: "slack", url: `https://hooks.slack.com/services/${URL_TOKEN}` });
      await add(webhook(other));

      const response = await call("GET", `/admin/notify?owner=${owner.toUpperCase()}`);
      const text = await response.text();

      expect(response.status).toBe(200);
      expect(JSON.parse(text)).toEqual({
        channels: [
          {
            owner,
            name: "alerts",
            kind: "slack",
            urlHint: "https://hooks.slack.com",
            allowPrivate: false,
            createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          },
          {
            owner,
            name: "deploys",
            kind: "webhook",
            urlHint: receiver.hint(),
            allowPrivate: true,
            createdAt: expect.any(String),
          },
        ],
      });
      const stored = await server.store().findChannel(owner, "deploys");
      for (const secret of [URL_TOKEN, hook.secret ?? "missing", stored?.sealed ?? "missing"]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/secret|sealed/i);

      const all = (await (await call("GET", "/admin/notify")).json()) as { channels: { owner: string }[] };
      expect(all.channels.map((channel) => channel.owner)).toEqual(expect.arrayContaining([owner, other]));
    });

    it("answers 400 to an owner filter that is no login", async () => {
      const response = await call("GET", "/admin/notify?owner=acme%2Fshop");

      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/^"owner" must be the GitHub account/);
    });
  });

  describe("DELETE /admin/notify/<owner>/<name>", () => {
    it("removes a channel: 200, then 404 as it is gone", async () => {
      const owner = newOwner();
      await add(webhook(owner));

      const removed = await call("DELETE", `/admin/notify/${owner}/deploys`);
      const again = await call("DELETE", `/admin/notify/${owner}/deploys`);

      expect(removed.status).toBe(200);
      expect(await removed.json()).toEqual({ removed: true });
      expect(await server.store().findChannel(owner, "deploys")).toBeUndefined();
      expect(again.status).toBe(404);
      expect(await again.json()).toEqual({ error: `no notification channel ${owner}/deploys; list them with GET /admin/notify` });
    });
  });

  describe("POST /admin/notify/<owner>/<name>/test", () => {
    it("sends a signed ping to the receiver: delivered, and the signature verifies with the secret given at adding", async () => {
      const owner = newOwner();
      const { secret } = await add(webhook(owner));
      receiver.received.length = 0;

      const response = await call("POST", `/admin/notify/${owner}/deploys/test`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ delivered: true, status: 204 });
      expect(receiver.received).toHaveLength(1);
      const ping = receiver.received[0];
      expect(ping?.path).toBe(`/${URL_TOKEN}/notify?token=${URL_TOKEN}`);
      const expected = `sha256=${createHmac("sha256", secret ?? "")
        .update(ping?.body ?? "", "utf8")
        .digest("hex")}`;
      expect(ping?.headers["x-deliverybot-signature-256"]).toBe(expected);
      expect(ping?.headers["content-type"]).toMatch(/^application\/json/);
      expect(ping?.headers["x-deliverybot-event"]).toBe("ping");
      const body = JSON.parse(ping?.body ?? "{}") as { event: string; delivery: string; timestamp: number; channel: unknown };
      expect(body).toEqual({
        event: "ping",
        delivery: ping?.headers["x-deliverybot-delivery"],
        timestamp: expect.any(Number),
        channel: { owner, name: "deploys" },
      });
      expect(Math.abs(body.timestamp * 1000 - Date.now())).toBeLessThan(60_000);
    });

    it("answers 200 with delivered: false and the receiver's failure when it answers 500, without its URL", async () => {
      const owner = newOwner();
      await add(webhook(owner, broken.url()));

      const response = await call("POST", `/admin/notify/${owner}/deploys/test`);
      const text = await response.text();

      expect(response.status).toBe(200);
      expect(JSON.parse(text)).toEqual({ delivered: false, error: `${broken.hint()} answered 500: receiver broke` });
      expect(text).not.toContain(URL_TOKEN);
      expect(broken.received.length).toBeGreaterThan(0);
    });

    it("answers 409 when the seal does not open (another NOTIFY_KEY), saying to register the channel again", async () => {
      const owner = newOwner();
      const other = createChannelSealer("another-notify-key-0123456789abcdefghij");
      const sealed = other.seal({ url: receiver.url(), secret: "s" }, `${owner}/deploys`);
      await server.store().saveChannel(
        {
          owner,
          name: "deploys",
          kind: "webhook",
          sealed,
          keyId: other.keyId,
          urlHint: receiver.hint(),
          allowPrivate: true,
          createdAt: new Date(),
        },
        false,
      );
      receiver.received.length = 0;

      const response = await call("POST", `/admin/notify/${owner}/deploys/test`);

      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: string }).error).toMatch(/does not open: .*register it again/);
      expect(receiver.received).toEqual([]);
    });

    it("answers 404 for a channel that does not exist", async () => {
      const response = await call("POST", "/admin/notify/acme/nothing-here/test");

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: "no notification channel acme/nothing-here; list them with GET /admin/notify",
      });
    });
  });

  describe("authentication", () => {
    it.each([
      ["no Authorization header", null],
      ["a wrong token", `${ADMIN_TOKEN}x`],
    ])("answers 401 to %s, whatever the route, and changes nothing", async (_name, token) => {
      const owner = newOwner();
      await add(webhook(owner));
      const before = await server.store().listChannels();

      for (const [method, path, body] of [
        ["GET", "/admin/notify", undefined],
        ["POST", "/admin/notify", webhook(newOwner())],
        ["DELETE", `/admin/notify/${owner}/deploys`, undefined],
        ["POST", `/admin/notify/${owner}/deploys/test`, undefined],
      ] as const) {
        const response = await call(method, path, { token, ...(body === undefined ? {} : { body }) });
        expect([method, path, response.status]).toEqual([method, path, 401]);
        expect(await response.json()).toEqual({ error: "unauthorized" });
      }
      expect(await server.store().listChannels()).toEqual(before);
    });
  });

  it.each([
    ["PUT", "/admin/notify", "GET, POST"],
    ["GET", "/admin/notify/acme/deploys", "DELETE"],
    ["DELETE", "/admin/notify/acme/deploys/test", "POST"],
  ])("answers 405 to %s %s (Allow: %s)", async (method, path, allow) => {
    const response = await call(method, path);

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
  });

  // Last: every other test has run, so every URL has been through the app.
  it("never logs a receiver's URL, only its hint", () => {
    const text = logLines.join("\n");

    expect(text).toContain("admin: notification channel saved");
    expect(text).toContain("admin: test notification delivered");
    expect(text).toContain(receiver.hint());
    expect(text).not.toContain(URL_TOKEN);
  });
});

/** Without NOTIFY_KEY the app cannot seal: adding and testing answer 503 saying what to do; listing and removing work. */
describe("admin API: /admin/notify without NOTIFY_KEY", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const NO_KEY =
    "notification channels need NOTIFY_KEY: start the app with NOTIFY_KEY set to at least 32 random characters (the same on every instance)";

  it.each([
    ["POST", "/admin/notify", { owner: "acme", name: "deploys", kind: "slack", url: `https://hooks.slack.com/${URL_TOKEN}` }],
    ["POST", "/admin/notify/acme/deploys/test", undefined],
  ])("%s %s answers 503 saying to set NOTIFY_KEY", async (method, path, body) => {
    const response = await admin(server.base, method, path, body === undefined ? {} : { body });

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: NO_KEY });
    expect(await server.store().listChannels()).toEqual([]);
  });

  it("still lists and removes channels", async () => {
    const sealer = createChannelSealer(NOTIFY_KEY);
    const sealed = sealer.seal({ url: "https://hooks.slack.com/x", secret: null }, "acme/ops");
    const record = {
      owner: "acme",
      name: "ops",
      kind: "slack",
      sealed,
      keyId: sealer.keyId,
      urlHint: "https://hooks.slack.com",
    } as const;
    await server.store().saveChannel({ ...record, allowPrivate: false, createdAt: new Date() }, false);

    const listed = await admin(server.base, "GET", "/admin/notify");
    const removed = await admin(server.base, "DELETE", "/admin/notify/acme/ops");

    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { channels: unknown[] }).channels).toHaveLength(1);
    expect(removed.status).toBe(200);
  });
});
