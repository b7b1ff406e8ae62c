import { createHash, timingSafeEqual } from "node:crypto";
import type { HookRecord } from "../store/hook-store.js";

/** Compares two buffers of equal length in constant time; node's `timingSafeEqual` unless a test injects one. */
export type ConstantTimeCompare = (a: Buffer, b: Buffer) => boolean;

/** What a hook request may do, decided before its body is read. */
export type HookAccess = "granted" | "unknown_hook" | "unauthorized";

/** The stored form of a hook token: the lower-case hex SHA-256 of its UTF-8 bytes. */
export function hashHookToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Whether `presented` is the token whose hash is stored. Both sides are compared as 32-byte
 * SHA-256 digests: `timingSafeEqual` never sees inputs of different lengths (it would throw), and
 * neither the time taken nor an exception says how long the token is or how much of a guess matched.
 */
export function verifyHookToken(
  presented: string | undefined,
  tokenHash: string,
  compare: ConstantTimeCompare = timingSafeEqual,
): boolean {
  if (presented === undefined || presented === "") return false;
  const expected = Buffer.from(tokenHash, "hex");
  const actual = createHash("sha256").update(presented, "utf8").digest();
  // The store only holds 64 hex digits; anything else cannot match and must not reach compare().
  if (expected.length !== actual.length) return false;
  return compare(actual, expected);
}

/**
 * Unknown and revoked hooks are the same "unknown hook", whatever token came along; the token is
 * checked only for a hook that may still be used.
 */
export function checkHookAccess(
  hook: Pick<HookRecord, "tokenHash" | "revokedAt"> | undefined,
  presented: string | undefined,
  compare?: ConstantTimeCompare,
): HookAccess {
  if (hook === undefined || hook.revokedAt !== null) return "unknown_hook";
  return verifyHookToken(presented, hook.tokenHash, compare) ? "granted" : "unauthorized";
}
