/** What changes when anything the dashboard shows of a repository changes. */
export interface VersionStore {
  /**
   * A short text that differs whenever a deployment, a status, a decision or a lock of the
   * repository was added or changed (any instance): pages poll it to know when to refresh.
   */
  repositoryVersion(repoId: number): Promise<string>;
  /**
   * Tells `watcher` the ids of repositories whose version may have moved, written by any instance
   * (PostgreSQL `LISTEN`/`NOTIFY`), until the function it resolves with is called. `listening` says
   * from when every change is told; `lost` that some may have been missed meanwhile (the
   * connection dropped; listening resumes by itself).
   */
  watchRepositories(watcher: RepositoryWatcher): Promise<() => Promise<void>>;
}

/** What {@link VersionStore.watchRepositories} tells. */
export interface RepositoryWatcher {
  changed(repoId: number): void;
  listening(): void;
  lost(): void;
}
