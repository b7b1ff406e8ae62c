import type { RepoContext } from "../deploy/repo-context.js";
import type { PushFacts } from "../domain/event-facts.js";
import { isMergeQueueRef } from "../domain/merge-groups.js";

import { reportConfigCheck } from "./config-check.js";
import { handleTrigger } from "./handle-trigger.js";
import { listPushedFiles } from "./list-pushed-files.js";
import { reevaluateRepository } from "./reevaluate-repository.js";
import { CONFIG_PATH } from "../config/config-path.js";

/**
 * A push: keep its commits' times (where the lead times of their deployments start), report on a
 * changed configuration, then auto-deploy the matching targets (whose path filters, if any, read
 * the files it changed). A merge queue's temporary branch costs nothing. A new configuration on
 * the default branch decides again what waits (a freeze lifted, a deployer added): two store
 * queries when nothing does.
 */
export async function handlePush(deps: RepoContext, push: PushFacts): Promise<void> {
  if (isMergeQueueRef(push.ref)) {
    // A merge group's temporary branch: its commit deploys when it lands on the base branch.
    deps.log.debug({ ref: push.ref }, "merge queue branch; never deployed");
    return;
  }
  if (push.deleted) {
    deps.log.debug({ ref: push.ref }, "ref deleted; nothing to deploy");
    return;
  }
  if (push.commitTimes.length > 0) await deps.store.recordCommitTimes(deps.repo.id, push.commitTimes, deps.now());
  if (push.changedFiles.includes(CONFIG_PATH)) {
    if (push.toDefaultBranch) deps.github.forgetConfig();
    await reportConfigCheck(deps, push.sha);
  }
  await handleTrigger(deps, { kind: "push", ref: push.ref, sha: push.sha }, () => listPushedFiles(deps, push.changes));
  if (push.toDefaultBranch && push.changedFiles.includes(CONFIG_PATH)) await reevaluateRepository(deps);
}
