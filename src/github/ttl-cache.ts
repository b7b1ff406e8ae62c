/**
 * A small time-bounded cache of answers that come slowly and rarely change: GitHub's (permissions,
 * team membership, the repositories a user sees) and the store's (an account's channel names).
 */
export interface TtlCache<V> {
  /** The cached value, or the loader's (cached for `ttlMs`). Failures are not cached. */
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Forgets a key: its next `get` loads again. */
  delete(key: string): void;
}

/** Creates a cache holding at most `maxEntries` values for `ttlMs` each. */
export function createTtlCache<V>(ttlMs: number, maxEntries = 10_000, now: () => number = Date.now): TtlCache<V> {
  const entries = new Map<string, { readonly value: V; readonly until: number }>();
  return {
    async get(key, load) {
      const cached = entries.get(key);
      if (cached !== undefined && cached.until > now()) return cached.value;
      const value = await load();
      entries.delete(key);
      entries.set(key, { value, until: now() + ttlMs });
      const oldest = entries.keys().next();
      if (entries.size > maxEntries && oldest.done !== true) entries.delete(oldest.value);
      return value;
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
