import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { Metrics } from "../domain/metrics.js";
import type { Intake, IntakeOutcome } from "../queue/create-intake.js";
import { readLimitedBody } from "./read-limited-body.js";
import { sendJson } from "./send-json.js";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

const REQUIRED_HEADERS = ["x-github-event", "x-github-delivery", "x-hub-signature-256"] as const;

/** What the receiver needs: where it listens, how signatures are checked, where deliveries go. */
export interface WebhookReceiverOptions {
  readonly path: string;
  /** Whether `signature` (`X-Hub-Signature-256`) signs `text` with the webhook secret. */
  readonly verify: (text: string, signature: string) => Promise<boolean>;
  readonly intake: Intake;
  readonly log: Pick<Logger, "error">;
  /** Counts the requests refused here; the intake counts the rest. */
  readonly metrics: Pick<Metrics, "webhookReceived">;
}

const ANSWERS: Record<IntakeOutcome, number> = { queued: 202, requeued: 202, duplicate: 200, ignored: 200 };

/** The outcome label of a refused webhook, by the status it was answered. */
const REFUSALS: Readonly<Record<number, string>> = {
  400: "bad_request",
  401: "bad_signature",
  405: "method_not_allowed",
  413: "too_large",
  415: "unsupported_media_type",
  503: "not_stored",
};
/** The event label of a request whose signature was not verified (yet). */
const UNVERIFIED_EVENT = "unverified";

/**
 * The webhook endpoint: a `POST` to `path` whose `X-Hub-Signature-256` verifies is handed to the
 * intake and answered once the intake has stored it: 202 when queued, 200 for a duplicate or an
 * event Deliverybot ignores. Anything else gets an error naming what is wrong (400 missing headers
 * or a body that is not JSON, 401 a signature that does not verify, 405, 413, 415), and 503 when
 * the delivery could not be stored: GitHub then shows it as failed, to be redelivered. Other paths
 * are left to the next handler.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions) {
  const path = withoutTrailingSlashes(options.path);
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (withoutTrailingSlashes(req.url?.split("?")[0] ?? "") !== path) return false;
    await receive(options, req, res);
    return true;
  };
}

async function receive(options: WebhookReceiverOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Before the signature verifies, the event header is anyone's: it is not used as a label.
  let event = UNVERIFIED_EVENT;
  const fail = (status: number, error: string, headers?: Record<string, string>) => {
    options.metrics.webhookReceived(event, REFUSALS[status] ?? `http_${status}`);
    sendJson(res, { status, body: { error }, ...(headers === undefined ? {} : { headers }) });
  };
  if (req.method !== "POST")
    return fail(405, `webhooks are POSTed to ${withoutTrailingSlashes(options.path)}`, { allow: "POST" });
  const missing = REQUIRED_HEADERS.filter((name) => typeof req.headers[name] !== "string");
  if (missing.length > 0) return fail(400, `missing headers: ${missing.join(", ")}`);
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
    return fail(415, 'webhooks must be sent as "application/json" (the app\'s webhook content type)');
  }
  const body = await readLimitedBody(req, MAX_WEBHOOK_BYTES);
  if (!body.ok) return fail(413, `webhook payloads are at most ${MAX_WEBHOOK_BYTES} bytes`);
  const [claimedEvent = "", id = "", signature = ""] = REQUIRED_HEADERS.map((name) => String(req.headers[name]));
  if (!(await verifies(options, body.text, signature))) {
    return fail(401, "the signature does not match the payload and the webhook secret (WEBHOOK_SECRET)");
  }
  event = claimedEvent;
  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch {
    return fail(400, "the payload is not JSON");
  }
  try {
    const outcome = await options.intake({ id, event, payload, text: body.text });
    sendJson(res, { status: ANSWERS[outcome], body: { status: outcome } });
  } catch (error) {
    options.log.error({ err: error, delivery: id, event }, "could not store a webhook delivery");
    fail(503, "the delivery could not be stored; redeliver it from the app's advanced settings");
  }
}

async function verifies(options: WebhookReceiverOptions, text: string, signature: string): Promise<boolean> {
  try {
    return await options.verify(text, signature);
  } catch {
    return false;
  }
}

function withoutTrailingSlashes(path: string): string {
  return path.replace(/\/+$/, "") || "/";
}
