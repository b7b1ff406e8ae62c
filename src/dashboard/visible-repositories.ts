import { createTtlCache } from "../github/ttl-cache.js";
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
  const cache = createTtlCache<VisibleRepository[]>(VISIBLE_TTL_MS, MAX_SESSIONS, () => now().getTime());
  const list = (sessionId: string, github: () => UserGitHub) => cache.get(sessionId, () => github().listVisibleRepositories());
  return {
    list,
    async find(sessionId, github, owner, name) {
      const wanted = `${owner}/${name}`.toLowerCase();
      return (await list(sessionId, github)).find((repo) => `${repo.owner}/${repo.name}`.toLowerCase() === wanted);
    },
    forget: (sessionId) => cache.delete(sessionId),
  };
}
