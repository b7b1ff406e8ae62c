import type { IncomingMessage } from "node:http";
import type { RateLimiter } from "../hooks/create-rate-limiter.js";
import type { HookRejection } from "../hooks/hook-counters.js";
import { hookResponse, type HookResponse } from "../hooks/hook-response.js";
import { EXPECTED_HOOK_BODIES, parseHookRequest, type HookRequest } from "../hooks/parse-hook-request.js";
import { checkHookAccess } from "../hooks/verify-hook-token.js";
import type { HookRecord, HookStore } from "../store/hook-store.js";
import { readLimitedBody } from "./read-limited-body.js";

/** Bodies past this many bytes are refused with 413. */
export const MAX_HOOK_BODY_BYTES = 1024 * 1024;

/** A hook request let in (its hook, the URL's target, its body), or turned away before GitHub is asked anything. */
export type HookAdmission =
  | {
      readonly ok: true;
      readonly hook: HookRecord;
      readonly target: string | undefined;
      readonly body: string;
      readonly request: HookRequest;
    }
  | { readonly ok: false; readonly rejection: HookRejection; readonly response: HookResponse };

const PATH = /^\/hooks\/deploy\/([^/]*)(?:\/([^/]*))?\/?$/;
const HOOK_ID = /^[A-Za-z0-9_-]{22,64}$/;
const TARGET = /^[A-Za-z0-9_.-]+$/;

const turnAway = (rejection: HookRejection, status: number, body: HookResponse["body"], headers?: HookResponse["headers"]) =>
  ({ ok: false, rejection, response: hookResponse(status, body, headers) }) as const;

/**
 * Decides whether a hook request gets in: method, hook, secret, rate limit, body size, body shape.
 * The order is deliberate: the secret is checked before the body is read, and only authenticated
 * requests count against the rate limit, so nobody without the token can use up a hook's allowance.
 */
export async function admitHookRequest(
  req: IncomingMessage,
  pathname: string,
  secret: string | undefined,
  options: { readonly store: Pick<HookStore, "findHook">; readonly limiter: RateLimiter },
): Promise<HookAdmission> {
  if (req.method !== "POST") return turnAway("method_not_allowed", 405, { error: "method not allowed" }, { allow: "POST" });
  const [, id = "", target] = PATH.exec(pathname) ?? [];
  const hook = HOOK_ID.test(id) ? await options.store.findHook(id) : undefined;
  const access = checkHookAccess(hook, secret);
  if (access === "unknown_hook" || hook === undefined) return turnAway("unknown_hook", 404, { error: "unknown hook" });
  if (access === "unauthorized") return turnAway("unauthorized", 401, { error: "unauthorized" });
  if (target !== undefined && !TARGET.test(target)) return turnAway("invalid_request", 404, { error: "unknown target" });

  const rate = options.limiter.take(hook.id);
  if (!rate.allowed) {
    return turnAway("rate_limited", 429, { error: "too many requests" }, { "retry-after": String(rate.retryAfterSeconds) });
  }
  const body = await readLimitedBody(req, MAX_HOOK_BODY_BYTES);
  // The rest of the body is not read: the connection closes after the answer.
  if (!body.ok)
    return turnAway("too_large", 413, { error: "body too large", limit: MAX_HOOK_BODY_BYTES }, { connection: "close" });
  const parsed = parseHookRequest(body.text, req.headers["content-type"]);
  if (!parsed.ok && parsed.error === "unsupported_media_type") {
    return turnAway("unsupported_media_type", 415, { error: "unsupported media type", message: parsed.message });
  }
  if (!parsed.ok) {
    return turnAway("invalid_request", 400, {
      error: "invalid request",
      message: parsed.message,
      expected: EXPECTED_HOOK_BODIES,
    });
  }
  return { ok: true, hook, target, body: body.text, request: parsed.request };
}
