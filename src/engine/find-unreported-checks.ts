import type { PendingDeploy } from "../domain/deployments.js";
import type { MergeGroupFact } from "../domain/merge-groups.js";

/**
 * The required contexts a commit that came out of the merge queue waits for and that reported on
 * none of the repository's recent merge group commits: most likely a workflow that does not run
 * `on: merge_group`, which would otherwise keep the deploy waiting without a word. Empty for a
 * commit that is no merge group's.
 */
export function findUnreportedChecks(
  deploy: PendingDeploy,
  waitingFor: readonly string[],
  required: readonly string[] | undefined,
  groups: readonly MergeGroupFact[],
): string[] {
  if (required === undefined || !groups.some((group) => group.headSha === deploy.sha)) return [];
  const reported = new Set(groups.flatMap((group) => group.contexts));
  const named = new Set(required);
  return waitingFor.filter((context) => named.has(context) && !reported.has(context));
}

/** The sentence that names them, for the waiting decision's message. */
export function describeUnreportedChecks(contexts: readonly string[]): string {
  const list = contexts.join(", ");
  const question = contexts.length === 1 ? "is it" : "are they";
  return `${list} never reported on a merge queue commit; ${question} run \`on: merge_group\`?`;
}
