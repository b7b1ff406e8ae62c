import type { RepoContext } from "../deploy/repo-context.js";
import type { ChangedFiles, PushedFiles } from "../domain/event-facts.js";

/**
 * The files a push changed: the payload's list when it is complete, else GitHub's comparison (one
 * call, cached) joined with what the payload listed, else unknown.
 */
export async function listPushedFiles(deps: Pick<RepoContext, "github" | "log">, changes: PushedFiles): Promise<ChangedFiles> {
  if (changes.kind === "listed") return changes.files;
  if (changes.kind === "unknown") return "unknown";
  deps.log.debug({ base: changes.base, head: changes.head }, "the push payload does not list every changed file; comparing");
  const compared = await deps.github.compareCommits(changes.base, changes.head);
  return compared === "unknown" ? "unknown" : [...new Set([...changes.alsoChanged, ...compared])];
}
