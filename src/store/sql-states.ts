import { GITHUB_STATE_LIFECYCLE, type Lifecycle } from "../domain/lifecycle.js";

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
