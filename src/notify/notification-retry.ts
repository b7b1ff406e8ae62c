/** A notification attempt that did not deliver: what the receiver (or the network) said. */
export type FailedAttempt =
  | { readonly kind: "retry"; readonly error: string; readonly retryAfterMs?: number }
  | { readonly kind: "refused"; readonly error: string };

/** What happens to a notification after a failed attempt. */
export type NotificationStep =
  { readonly kind: "retry"; readonly runAt: Date } | { readonly kind: "park"; readonly error: string };

/** First wait after a failure; it triples with every attempt. */
export const FIRST_NOTIFY_RETRY_MS = 10_000;
/** The longest wait between two attempts. */
export const MAX_NOTIFY_RETRY_MS = 60 * 60_000;
/** Attempts before a notification is parked: 10 s, 30 s, 90 s… about three hours in all. */
export const MAX_NOTIFY_ATTEMPTS = 8;

/**
 * Decides what follows the `attempts`-th failed attempt. A receiver that refused (a 4xx, a
 * redirect, an address it may not reach) would refuse again: parked at once. One that was down,
 * slow or busy (5xx, 408, 429, no answer) is tried again later, no sooner than its `Retry-After`,
 * and parked after {@link MAX_NOTIFY_ATTEMPTS}.
 */
export function nextNotificationStep(failure: FailedAttempt, attempts: number, now: Date): NotificationStep {
  if (failure.kind === "refused") return { kind: "park", error: failure.error };
  if (attempts >= MAX_NOTIFY_ATTEMPTS) return { kind: "park", error: `gave up after ${attempts} attempts: ${failure.error}` };
  const backoff = Math.min(FIRST_NOTIFY_RETRY_MS * 3 ** Math.max(0, attempts - 1), MAX_NOTIFY_RETRY_MS);
  const wait = Math.max(backoff, Math.min(failure.retryAfterMs ?? 0, MAX_NOTIFY_RETRY_MS));
  return { kind: "retry", runAt: new Date(now.getTime() + wait) };
}
