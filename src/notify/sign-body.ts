import { createHmac } from "node:crypto";

/**
 * The signature of a webhook body as GitHub writes `X-Hub-Signature-256`: `sha256=` and the
 * lower-case hex HMAC-SHA256 of the body's UTF-8 bytes, so receivers can reuse their GitHub
 * webhook verification (`@octokit/webhooks-methods`' `verify`, or any HMAC check over the raw body).
 */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
