import { createTtlCache, type TtlCache } from "../github/ttl-cache.js";
import type { SessionRecord } from "../store/session-store.js";
import type { CookieData } from "./dashboard-cookie.js";
import type { HistoryData, RepositoryFromGitHub } from "./page-data.js";
import type { RepositoryData } from "./views/repository-page.js";

/**
 * A page's data is reused while the repository's version in the store is unchanged, for at most
 * this long: what depends on the time alone (a lock expiring, a deployment leaving the in-flight
 * window) shows within it.
 */
export const PAGE_DATA_TTL_MS = 5_000;
/** A repository's configuration and newest commits are asked of GitHub at most this often. */
export const GITHUB_FACTS_TTL_MS = 10_000;
/**
 * A session found in the store is trusted this long without asking again: signing out ends it at
 * once on the instance that signs out (and the browser drops its cookie), within this on the others.
 */
export const SESSION_CHECK_TTL_MS = 5_000;
/** What a sealed text (the cookie, a session's token) opens to is remembered this long. */
const UNSEALED_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

/**
 * What the dashboard keeps in memory so that a page costs its version query and little else: the
 * store stays the truth (a page's data is keyed by the repository's version, which every instance
 * reads from the store, and a session is checked there every few seconds), GitHub is asked every
 * few seconds at most.
 */
export interface DashboardCaches {
  /** Opened cookies, by their sealed text (undefined: it did not open). */
  readonly cookies: TtlCache<CookieData | undefined>;
  /** Sessions as the store had them, by id (undefined: none, or ended). */
  readonly sessions: TtlCache<SessionRecord | undefined>;
  /** Opened user tokens, by their sealed text. */
  readonly tokens: TtlCache<string | undefined>;
  /** Per repository id. */
  readonly github: TtlCache<RepositoryFromGitHub>;
  /** Per repository id, version and what GitHub said. */
  readonly repositoryPages: TtlCache<RepositoryData>;
  /** Per repository id, version and search. */
  readonly historyPages: TtlCache<HistoryData>;
}

/** Creates the caches, on the app's clock. */
export function createDashboardCaches(now: () => Date): DashboardCaches {
  const clock = () => now().getTime();
  return {
    cookies: createTtlCache(UNSEALED_TTL_MS, MAX_ENTRIES, clock),
    sessions: createTtlCache(SESSION_CHECK_TTL_MS, MAX_ENTRIES, clock),
    tokens: createTtlCache(UNSEALED_TTL_MS, MAX_ENTRIES, clock),
    github: createTtlCache(GITHUB_FACTS_TTL_MS, MAX_ENTRIES, clock),
    repositoryPages: createTtlCache(PAGE_DATA_TTL_MS, MAX_ENTRIES, clock),
    historyPages: createTtlCache(PAGE_DATA_TTL_MS, MAX_ENTRIES, clock),
  };
}
