import type { RepoContext } from "../deploy/repo-context.js";
import type { Decision } from "../engine/types.js";
import type { PendingRecord } from "../store/pending-store.js";

/** What a waiting deploy waits as: the decision's (a promotion, a push, a pull request). */
function triggerOf(decision: Decision): PendingRecord["trigger"] {
  if (decision.action === "wait") return decision.trigger;
  return decision.pr === null ? "push" : "pull_request";
}

/** The stored form of a deploy that waits; a new record has no attempts and no retry scheduled. */
export function pendingRecord(deps: RepoContext, decision: Decision): PendingRecord {
  return {
    repoId: deps.repo.id,
    owner: deps.repo.owner,
    repo: deps.repo.name,
    installationId: deps.installationId,
    target: decision.target,
    ref: decision.ref,
    sha: decision.sha,
    pr: decision.pr,
    trigger: triggerOf(decision),
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
  };
}
