import type { RepoContext } from "../deploy/repo-context.js";
import type { ChangedFiles, PullRequestTrigger } from "../domain/event-facts.js";

import { reportConfigCheck } from "./config-check.js";
import { handleTrigger } from "./handle-trigger.js";
import { CONFIG_PATH } from "../config/config-path.js";

/**
 * A pull request opened, synchronized or reopened: deploy `pr` targets. A pull request from a
 * fork sends no push event to this repository, so a config change there is found by listing its
 * files (forks only) and reported like a pushed one; path filters read the same list (cached per
 * head commit).
 */
export async function handlePullRequest(deps: RepoContext, trigger: PullRequestTrigger, updatedAt: Date): Promise<void> {
  // Remembered so that a command written before the head moved is not applied to the new head.
  await deps.store.recordPullRequestHead(deps.repo.id, trigger.pr, { sha: trigger.sha, updatedAt });
  const listFiles = () => deps.github.listPullRequestFiles(trigger.pr, trigger.sha);
  if (trigger.fromFork && changesConfig(await listFiles())) await reportConfigCheck(deps, trigger.sha);
  await handleTrigger(deps, trigger, listFiles);
}

/** Whether the files include the configuration; a list too long to read in full might. */
function changesConfig(files: ChangedFiles): boolean {
  return files === "unknown" || files.includes(CONFIG_PATH);
}
