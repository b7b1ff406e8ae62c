import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { hookResponse } from "../hooks/hook-response.js";
import { sendJson } from "./send-json.js";

/** An `ADMIN_TOKEN` shorter than this leaves the admin API off. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

/** Whether `token` turns the admin API on. */
export function isAdminTokenUsable(token: string | undefined): token is string {
  return token !== undefined && token.length >= MIN_ADMIN_TOKEN_LENGTH;
}

/**
 * Checks `Authorization: Bearer <ADMIN_TOKEN>` (or another token, e.g. `METRICS_TOKEN`, under its
 * own `realm`) in constant time, then removes the header (the access log must not print it). When
 * it does not match, answers 401 and returns false.
 */
export function createAdminAuth(adminToken: string, realm = "deliverybot-admin") {
  const expected = sha256(adminToken);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const authorized = checkBearer(req.headers.authorization, expected);
    delete req.headers.authorization;
    if (!authorized) {
      sendJson(res, hookResponse(401, { error: "unauthorized" }, { "www-authenticate": `Bearer realm="${realm}"` }));
    }
    return authorized;
  };
}

function checkBearer(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  // Compared as hashes: equal lengths for timingSafeEqual, and no timing signal about the token's length.
  return match?.[1] !== undefined && timingSafeEqual(sha256(match[1]), expected);
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
