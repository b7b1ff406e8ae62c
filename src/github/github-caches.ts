import type { ChangedFiles } from "../domain/event-facts.js";
import type { RepoPermission } from "../domain/repo-facts.js";
import type { ConfigLoad } from "./load-config.js";
import { createConditionalCache, type ConditionalCache } from "./conditional-cache.js";
import { createTtlCache, type TtlCache } from "./ttl-cache.js";

/** The process-wide caches in front of GitHub, shared by every event. */
export interface GitHubCaches {
  /** GET responses revalidated with ETags (the configuration). */
  readonly responses: ConditionalCache;
  /** Repository permission per (repository, user), for a minute. */
  readonly permissions: TtlCache<RepoPermission>;
  /** Team membership per (team, user), for five minutes. */
  readonly teams: TtlCache<boolean>;
  /** The loaded configuration per repository, for {@link RECENT_CONFIG_TTL_MS}: what announcements read. */
  readonly recentConfigs: TtlCache<ConfigLoad>;
  /**
   * The files of a comparison of two commits, or of a pull request at one head commit, for an
   * hour: neither changes, and the redeliveries, retries and events of one push ask again.
   */
  readonly changedFiles: TtlCache<ChangedFiles>;
}

/**
 * How long announcements trust a configuration without asking GitHub again: a burst of deployment
 * events reads it once. A push to the default branch forgets it at once on the instance that
 * receives it; other instances follow within this time.
 */
export const RECENT_CONFIG_TTL_MS = 10_000;

/** Creates the caches with their default lifetimes, on the app's clock (epoch ms). */
export function createGitHubCaches(now: () => number = Date.now): GitHubCaches {
  return {
    responses: createConditionalCache({ now }),
    permissions: createTtlCache(60_000, undefined, now),
    teams: createTtlCache(5 * 60_000, undefined, now),
    recentConfigs: createTtlCache(RECENT_CONFIG_TTL_MS, undefined, now),
    // Up to 3000 paths each: fewer entries than the other caches keep.
    changedFiles: createTtlCache(60 * 60_000, 1_000, now),
  };
}
