/** Why a hook request was turned away before anything was looked up on GitHub. */
export const HOOK_REJECTIONS = [
  "unauthorized",
  "unknown_hook",
  "rate_limited",
  "too_large",
  "unsupported_media_type",
  "invalid_request",
  "method_not_allowed",
] as const;

export type HookRejection = (typeof HOOK_REJECTIONS)[number];

/**
 * Counts of rejected hook requests since the process started: the only trace a rejected request
 * leaves (nothing is stored or logged with it). Read by a future `/metrics`.
 */
export interface HookCounters {
  readonly rejected: { [K in HookRejection]: number };
}

/** Fresh counters, all zero; one set per process, made by the wiring. */
export function createHookCounters(): HookCounters {
  const rejected = Object.fromEntries(HOOK_REJECTIONS.map((kind) => [kind, 0])) as { [K in HookRejection]: number };
  return { rejected };
}
