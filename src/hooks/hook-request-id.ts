import { createHash } from "node:crypto";

/** What a request id may look like as it is; anything else is replaced by its SHA-256. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The headers a sender may use to name a request, so that repeating it deploys nothing twice. */
export interface RequestIdHeaders {
  /** `X-Hook-Delivery`: Deliverybot's own header, preferred when both are sent. */
  readonly delivery: string | undefined;
  /** `X-Request-Id`: what many senders and proxies already set. */
  readonly requestId: string | undefined;
}

/**
 * The id a sender gave the request, if any. An id outside `[A-Za-z0-9._-]{1,100}` (a proxy's
 * braces, a long trace id) is kept as its SHA-256 rather than refused: the same id still maps to
 * the same claim.
 */
export function readRequestId(headers: RequestIdHeaders): string | undefined {
  const given = headers.delivery ?? headers.requestId;
  if (given === undefined || given.trim() === "") return undefined;
  return REQUEST_ID.test(given) ? given : sha256(given);
}

/**
 * The id of a request that named none: the same body asking the same target for the same commit
 * is the same request (a sender's retry), while a body that resolves to a newer commit is a new one.
 */
export function deriveRequestId(body: string, target: string | undefined, sha: string): string {
  return sha256(JSON.stringify([target ?? "", sha, body]));
}

/** The claim (`via`) that makes one request of one hook deploy at most once. */
export function hookClaimKey(hookId: string, requestId: string): string {
  return `hook:${hookId}:${requestId}`;
}

/** The claim (`via`) that makes one request of the admin API (`deliverybot deploy`) deploy at most once. */
export function adminClaimKey(requestId: string): string {
  return `admin:${requestId}`;
}

/** Whether `id` may be used as a request id as it is (`[A-Za-z0-9._-]{1,100}`). */
export function isRequestId(id: string): boolean {
  return REQUEST_ID.test(id);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
