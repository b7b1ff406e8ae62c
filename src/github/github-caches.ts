import type { RepoPermission } from "../domain/repo-facts.js";
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
}

/** Creates the caches with their default lifetimes. */
export function createGitHubCaches(): GitHubCaches {
  return {
    responses: createConditionalCache(),
    permissions: createTtlCache(60_000),
    teams: createTtlCache(5 * 60_000),
  };
}
