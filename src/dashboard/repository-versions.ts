import type { VersionStore } from "../store/version-store.js";

/** Repositories' versions, kept in memory for as long as the store tells of every change. */
export interface RepositoryVersions {
  /** The repository's version: the store's, read again only after it changed. */
  version(repoId: number): Promise<string>;
  stop(): Promise<void>;
}

/** Versions kept at once; the oldest go first. */
const MAX_VERSIONS = 10_000;

/**
 * Keeps the versions pages and their polls ask for, so that neither queries the store while
 * nothing changed: the store's change notifications (any instance's writes) forget a repository's
 * version; while they may be missed (before listening, after the connection dropped) every
 * version is read from the store. A version read while some change was being told is not kept.
 */
export async function watchRepositoryVersions(
  store: Pick<VersionStore, "repositoryVersion" | "watchRepositories">,
): Promise<RepositoryVersions> {
  const known = new Map<number, string>();
  let listening = false;
  let changes = 0;
  const forgetAll = (): void => {
    known.clear();
    changes += 1;
  };
  const stop = await store.watchRepositories({
    changed(repoId) {
      known.delete(repoId);
      changes += 1;
    },
    listening() {
      forgetAll();
      listening = true;
    },
    lost() {
      listening = false;
      forgetAll();
    },
  });
  return {
    async version(repoId) {
      const kept = listening ? known.get(repoId) : undefined;
      if (kept !== undefined) return kept;
      const before = changes;
      const version = await store.repositoryVersion(repoId);
      if (listening && changes === before) {
        known.set(repoId, version);
        const oldest = known.keys().next();
        if (known.size > MAX_VERSIONS && oldest.done !== true) known.delete(oldest.value);
      }
      return version;
    },
    stop,
  };
}
