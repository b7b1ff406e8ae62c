import type { Target } from "../config/model.js";
import { renderEnvironment } from "../engine/build-deployment-request.js";
import type { RepoFacts } from "../domain/repo-facts.js";

/**
 * The environment a target names from a pull request's point of view (`pr-${{ pr }}` becomes
 * `pr-42`), for commands that need no commit: locks, status and rollback.
 */
export function pullRequestEnvironment(repo: RepoFacts, target: Target, pr: number): string {
  return renderEnvironment(repo, target, { target: target.name, ref: "", sha: "", pr, trigger: "command" });
}
