import { GITHUB_STATE_LIFECYCLE, LIFECYCLE_STATES, type Lifecycle } from "../domain/lifecycle.js";

/**
 * GitHub's deployment status states that mean one of `lifecycles`, as an SQL list of literals
 * (`'in_progress'`) for an `IN (…)`: written from the code's own constants, never from input.
 */
export function sqlStatesOf(lifecycles: readonly Lifecycle[]): string {
  return Object.entries(GITHUB_STATE_LIFECYCLE)
    .filter(([, lifecycle]) => lifecycles.includes(lifecycle))
    .map(([state]) => `'${state}'`)
    .join(", ");
}

/**
 * `LEFT JOIN LATERAL (…) s ON true`: the newest status, by GitHub's id (statuses arrive out of
 * order), of the deployment `deploymentId` names, among those in a state GitHub documents (a status
 * in any other state is kept, but says nothing about where the deployment stands).
 */
export function joinNewestKnownStatus(deploymentId: string): string {
  return `LEFT JOIN LATERAL (
  SELECT state, created_at, description, environment_url, log_url FROM deployment_statuses
  WHERE deployment_id = ${deploymentId} AND state IN (${sqlStatesOf(LIFECYCLE_STATES)})
  ORDER BY id DESC
  LIMIT 1
) s ON true`;
}
