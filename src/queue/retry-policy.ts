import type { GitHubFault } from "../github/github-fault.js";

/** What happens to a delivery whose processing threw. */
export type RetryStep =
  { readonly kind: "retry"; readonly runAt: Date; readonly countAttempt: boolean } | { readonly kind: "park" };

/** First wait after a failure; it doubles with every attempt. */
export const FIRST_RETRY_MS = 2_000;
/** The longest wait between two attempts. */
export const MAX_RETRY_MS = 10 * 60_000;
/**
 * Attempts before a delivery is parked. GitHub being unavailable is worth waiting out (20 attempts
 * span just under two hours); any other failure is likely to repeat, so it parks sooner.
 */
export const MAX_ATTEMPTS = { unavailable: 20, failed: 5 } as const;

/** The backoff before attempt `attempts + 1`: 2 s, 4 s, 8 s… up to 10 minutes. */
export function backoff(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/**
 * Decides what to do with a delivery that failed on its `attempts`-th claim. A rate limit waits
 * exactly as long as GitHub asked and does not count as an attempt: the delivery did nothing wrong.
 */
export function nextRetryStep(fault: GitHubFault, attempts: number, now: Date): RetryStep {
  if (fault.kind === "rate_limited") return { kind: "retry", runAt: fault.retryAt, countAttempt: false };
  if (attempts >= MAX_ATTEMPTS[fault.kind]) return { kind: "park" };
  return { kind: "retry", runAt: new Date(now.getTime() + backoff(attempts)), countAttempt: true };
}
