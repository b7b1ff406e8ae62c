import type { UserGitHub, VisibleRepository } from "../github/user-github.js";

/** How long the repositories a user can see are trusted before GitHub is asked again. */
export const VISIBLE_TTL_MS = 60_000;
/** Sessions whose lists are kept at once; the oldest go first. */
const MAX_SESSIONS = 1_000;

/** The repositories each session's user can see on GitHub, cached briefly per session. */
export interface VisibleRepositories {
  list(sessionId: string, github: () => UserGitHub): Promise<VisibleRepository[]>;
  /** The repository, when the user can see it. */
  find(sessionId: string, github: () => UserGitHub, owner: string, name: string): Promise<VisibleRepository | undefined>;
  forget(sessionId: string): void;
}

/** A per-process cache: a sign-in sees a repository's access change on GitHub within a minute. */
export function createVisibleRepositories(now: () => Date): VisibleRepositories {
  const cache = new Map<string, { readonly at: number; readonly repositories: Promise<VisibleRepository[]> }>();
  const list = async (sessionId: string, github: () => UserGitHub) => {
    const at = now().getTime();
    const cached = cache.get(sessionId);
    if (cached !== undefined && at - cached.at < VISIBLE_TTL_MS) return cached.repositories;
    const repositories = github().listVisibleRepositories();
    cache.delete(sessionId);
    cache.set(sessionId, { at, repositories });
    // A failed lookup is not kept: the next page asks again.
    repositories.catch(() => cache.delete(sessionId));
    for (const key of cache.keys()) {
      if (cache.size <= MAX_SESSIONS) break;
      cache.delete(key);
    }
    return repositories;
  };
  return {
    list,
    async find(sessionId, github, owner, name) {
      const wanted = `${owner}/${name}`.toLowerCase();
      return (await list(sessionId, github)).find((repo) => `${repo.owner}/${repo.name}`.toLowerCase() === wanted);
    },
    forget(sessionId) {
      cache.delete(sessionId);
    },
  };
}
