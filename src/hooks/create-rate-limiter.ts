/** How many requests a key may make: a token bucket. */
export interface RateLimiterOptions {
  /** Requests allowed in a burst. */
  readonly capacity: number;
  /** One more request is allowed every this many milliseconds, up to `capacity`. */
  readonly refillEveryMs: number;
  /** The clock, in milliseconds; injectable for tests. */
  readonly now: () => number;
  /** Buckets kept before full ones are forgotten (a full bucket is the same as none). */
  readonly maxKeys?: number;
}

/** Whether a request may go ahead, and if not, when to try again. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** An in-memory limiter; each process limits on its own. */
export interface RateLimiter {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per key: `capacity` requests at once, then one per `refillEveryMs`. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { capacity, refillEveryMs, now } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, Bucket>();
  const level = (bucket: Bucket, at: number): number => Math.min(capacity, bucket.tokens + (at - bucket.at) / refillEveryMs);

  const forgetFull = (at: number): void => {
    for (const [key, bucket] of buckets) if (level(bucket, at) >= capacity) buckets.delete(key);
  };

  return {
    take(key) {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at };
      const tokens = level(bucket, at);
      if (tokens < 1) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * refillEveryMs) / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at });
      if (buckets.size > maxKeys) forgetFull(at);
      return { allowed: true };
    },
  };
}
