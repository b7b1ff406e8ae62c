import type { RepoContext } from "../deploy/repo-context.js";
import type { PullRequestTrigger } from "../domain/event-facts.js";

import { reportConfigCheck } from "./config-check.js";
import { handleTrigger } from "./handle-trigger.js";
import { CONFIG_PATH } from "../config/config-path.js";

/**
 * A pull request opened, synchronized or reopened: deploy `pr` targets. A pull request from a
 * fork sends no push event to this repository, so a config change there is found by listing its
 * files (one call, forks only) and reported like a pushed one.
 */
export async function handlePullRequest(deps: RepoContext, trigger: PullRequestTrigger, updatedAt: Date): Promise<void> {
  // Remembered so that a command written before the head moved is not applied to the new head.
  await deps.store.recordPullRequestHead(deps.repo.id, trigger.pr, { sha: trigger.sha, updatedAt });
  if (trigger.fromFork && (await deps.github.listPullRequestFiles(trigger.pr)).includes(CONFIG_PATH)) {
    await reportConfigCheck(deps, trigger.sha);
  }
  await handleTrigger(deps, trigger);
}
