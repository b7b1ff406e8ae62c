/** One past deployment of an environment with its newest state, newest first. */
export interface DeploymentHistoryEntry {
  readonly sha: string;
  readonly ref: string;
  readonly state: string | null;
}

/**
 * The commit a rollback redeploys: the last successful deployment before the current one (the
 * newest successful). Undefined when the environment has not had two successful deployments of
 * different commits.
 */
export function pickRollbackCommit(history: readonly DeploymentHistoryEntry[]): DeploymentHistoryEntry | undefined {
  const successful = history.filter((entry) => entry.state === "success");
  const [current] = successful;
  if (current === undefined) return undefined;
  return successful.find((entry) => entry.sha !== current.sha);
}
