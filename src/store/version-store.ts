/** What changes when anything the dashboard shows of a repository changes. */
export interface VersionStore {
  /**
   * A short text that differs whenever a deployment, a status, a decision or a lock of the
   * repository was added or changed (any instance): pages poll it to know when to refresh.
   */
  repositoryVersion(repoId: number): Promise<string>;
}
