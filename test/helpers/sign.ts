import { createHmac } from "node:crypto";

/**
 * The `X-Hub-Signature-256` value GitHub sends with a webhook: `sha256=` and the hex HMAC-SHA256
 * of the exact body bytes. Sign the same string you POST; re-serialising the JSON breaks it.
 */
export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
