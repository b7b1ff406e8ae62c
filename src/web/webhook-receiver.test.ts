import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { signPayload } from "../../test/helpers/sign.js";
import { signEvent, statusEvent } from "../../test/helpers/webhook-events.js";
import type { IncomingDelivery, IntakeOutcome } from "../queue/create-intake.js";
import { createWebhookReceiver, MAX_WEBHOOK_BYTES } from "./webhook-receiver.js";

const SECRET = "receiver-secret";
const PATH = "/api/github/webhooks";
const REPO = { owner: "acme", name: "shop", id: 42, installationId: 7 };

/** Checks `X-Hub-Signature-256` as GitHub computes it (production uses Probot's `webhooks.verify`). */
const verify = async (text: string, signature: string): Promise<boolean> => signature === signPayload(SECRET, text);

describe("createWebhookReceiver", () => {
  const received: IncomingDelivery[] = [];
  const errors: unknown[] = [];
  const counted: [string, string][] = [];
  let answer: () => Promise<IntakeOutcome> = async () => "queued";
  let server: Server | undefined;
  let base = "";

  beforeAll(async () => {
    const receiver = createWebhookReceiver({
      path: PATH,
      verify,
      intake: async (delivery) => {
        received.push(delivery);
        return answer();
      },
      log: { error: (...args: unknown[]) => void errors.push(args) },
      metrics: { webhookReceived: (event, outcome) => void counted.push([event, outcome]) },
    });
    server = createServer((req, res) => {
      void receiver(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end("next handler");
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    errors.length = 0;
    counted.length = 0;
    answer = async () => "queued";
  });

  const post = (body: string | Buffer, headers: Record<string, string>, path = PATH) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : Uint8Array.from(body),
    });
  const signed = (webhook = signEvent(SECRET, statusEvent(REPO, "a".repeat(40), "ci/test", "success"))) => ({
    webhook,
    headers: { "x-github-event": webhook.name, "x-github-delivery": webhook.id, "x-hub-signature-256": webhook.signature },
  });

  it("hands a verified webhook to the intake with its exact text, and answers 202 once it is queued", async () => {
    const { webhook, headers } = signed();

    const response = await post(webhook.body, headers);

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "queued" });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: webhook.id, event: "status", text: webhook.body.toString("utf8") });
    expect(received[0]?.payload).toEqual(JSON.parse(webhook.body.toString("utf8")));
  });

  it.each<[IntakeOutcome, number]>([
    ["requeued", 202],
    ["duplicate", 200],
    ["ignored", 200],
  ])("answers an intake outcome of %s with %i", async (outcome, status) => {
    answer = async () => outcome;
    const { webhook, headers } = signed();

    const response = await post(webhook.body, headers);

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ status: outcome });
  });

  it("refuses a signature that does not verify (401) and stores nothing", async () => {
    const { webhook, headers } = signed();

    const tampered = await post(webhook.body.toString("utf8").replace("success", "failure"), headers);
    const wrongSecret = await post(webhook.body, {
      ...headers,
      "x-hub-signature-256": signPayload("other", webhook.body.toString("utf8")),
    });
    const garbage = await post(webhook.body, { ...headers, "x-hub-signature-256": "sha256=zz" });

    expect([tampered.status, wrongSecret.status, garbage.status]).toEqual([401, 401, 401]);
    expect(await tampered.json()).toEqual({ error: expect.stringContaining("WEBHOOK_SECRET") });
    expect(received).toEqual([]);
    // Counted, but never under the event an unsigned request claims.
    expect(counted).toEqual([
      ["unverified", "bad_signature"],
      ["unverified", "bad_signature"],
      ["unverified", "bad_signature"],
    ]);
  });

  it("names the missing headers (400)", async () => {
    const { webhook, headers } = signed();

    const response = await post(webhook.body, { "x-github-event": headers["x-github-event"] });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "missing headers: x-github-delivery, x-hub-signature-256" });
    expect(received).toEqual([]);
  });

  it("refuses a body that is not JSON (415 by content type, 400 when it does not parse)", async () => {
    const { webhook, headers } = signed();
    const text = "payload=%7B%7D";

    const form = await post(webhook.body, { ...headers, "content-type": "application/x-www-form-urlencoded" });
    const broken = await post(text, { ...headers, "x-hub-signature-256": signPayload(SECRET, text) });

    expect([form.status, broken.status]).toEqual([415, 400]);
    expect(await broken.json()).toEqual({ error: "the payload is not JSON" });
    expect(received).toEqual([]);
    expect(counted).toEqual([
      ["unverified", "unsupported_media_type"],
      ["status", "bad_request"],
    ]);
  });

  it("refuses a payload over GitHub's 25 MB cap without reading it (413)", async () => {
    const { headers } = signed();

    const response = await post(Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 32), headers);

    expect(response.status).toBe(413);
    expect(received).toEqual([]);
  });

  it("answers 503 when the delivery could not be stored, so GitHub shows it as failed", async () => {
    answer = async () => {
      throw new Error("connection refused");
    };
    const { webhook, headers } = signed();

    const response = await post(webhook.body, headers);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringContaining("redeliver") });
    expect(errors).toHaveLength(1);
    expect(counted).toEqual([["status", "not_stored"]]);
  });

  it("answers other methods on its path with 405, and leaves other paths to the next handler", async () => {
    const get = await fetch(`${base}${PATH}`);
    const trailingSlash = await post("{}", { "x-github-event": "ping" }, `${PATH}/`);
    const other = await post("{}", {}, "/hooks/deploy/x");

    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(trailingSlash.status).toBe(400);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe("next handler");
  });
});
