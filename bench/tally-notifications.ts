import { createHmac, timingSafeEqual } from "node:crypto";
import type { ExpectedNotification } from "./deployment-lifecycle.js";
import type { ReceivedRequest } from "./notification-receiver.js";

/** An expected notification, with when the webhook that asks for it was sent and answered. */
export interface TimedExpectation extends ExpectedNotification {
  readonly sentAt: number;
  readonly answeredAt: number;
  /** The phase it was sent in: latencies are told apart by phase (warm-up counts for none). */
  readonly phase: "warm-up" | "burst" | "paced";
}

/** How the received requests compare with the expected notifications. */
export interface NotificationTally {
  readonly expected: number;
  readonly received: number;
  readonly missing: number;
  /** Requests announcing a (deployment, event) already announced. */
  readonly duplicated: number;
  /** Requests announcing nothing expected, or carrying the wrong status or inconsistent headers. */
  readonly unexpected: number;
  readonly badSignatures: number;
  /** Every expected notification that arrived, with its first arrival. */
  readonly arrived: readonly { readonly expectation: TimedExpectation; readonly at: number }[];
  /** The first few problems, in words. */
  readonly problems: readonly string[];
}

interface NotificationBody {
  readonly event?: unknown;
  readonly delivery?: unknown;
  readonly deployment?: { readonly id?: unknown };
  readonly status?: { readonly id?: unknown } | null;
}

/**
 * Matches what the receiver got against what the webhooks sent were worth: by deployment id and
 * event, the status id in the body, `x-deliverybot-event` and `x-deliverybot-delivery` agreeing
 * with the body, and `x-deliverybot-signature-256` checked with the channel's `secret` (without
 * one, no request may arrive).
 */
export function tallyNotifications(
  expected: readonly TimedExpectation[],
  received: readonly ReceivedRequest[],
  secret: string | undefined,
): NotificationTally {
  const byKey = new Map(expected.map((e) => [`${e.deploymentId}/${e.event}`, e]));
  const arrived = new Map<string, { expectation: TimedExpectation; at: number }>();
  const problems: string[] = [];
  const problem = (text: string) => void (problems.length < 10 && problems.push(text));
  let duplicated = 0;
  let unexpected = 0;
  let badSignatures = 0;
  for (const request of [...received].sort((a, b) => a.at - b.at)) {
    const body = parseBody(request.body);
    const key = `${String(body?.deployment?.id)}/${String(body?.event)}`;
    if (secret === undefined) {
      unexpected += 1;
      problem(`${key}: arrived while no channel was registered`);
      continue;
    }
    if (!signatureMatches(secret, request)) {
      badSignatures += 1;
      problem(`${key}: bad x-deliverybot-signature-256`);
    }
    const expectation = byKey.get(key);
    const statusId = body?.status?.id ?? null;
    if (
      expectation === undefined ||
      statusId !== expectation.statusId ||
      request.headers["x-deliverybot-event"] !== body?.event ||
      request.headers["x-deliverybot-delivery"] !== body?.delivery
    ) {
      unexpected += 1;
      problem(`${key} (status ${String(statusId)}): not expected, or its headers disagree with its body`);
      continue;
    }
    if (arrived.has(key)) {
      duplicated += 1;
      problem(`${key}: arrived again (delivery ${String(body?.delivery)})`);
      continue;
    }
    arrived.set(key, { expectation, at: request.at });
  }
  const missing = expected.filter((e) => !arrived.has(`${e.deploymentId}/${e.event}`));
  for (const e of missing.slice(0, 5)) problem(`${e.deploymentId}/${e.event}: never arrived`);
  return {
    expected: expected.length,
    received: received.length,
    missing: missing.length,
    duplicated,
    unexpected,
    badSignatures,
    arrived: [...arrived.values()],
    problems,
  };
}

function parseBody(text: string): NotificationBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as NotificationBody) : undefined;
  } catch {
    return undefined;
  }
}

function signatureMatches(secret: string, request: ReceivedRequest): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(request.body, "utf8").digest("hex")}`);
  const given = Buffer.from(request.headers["x-deliverybot-signature-256"] ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
