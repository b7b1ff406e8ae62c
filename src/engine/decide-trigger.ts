import type { DeployConfig } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { ChangedFiles, TriggerFacts } from "../domain/event-facts.js";
import { isMergeQueueRef } from "../domain/merge-groups.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { decideTarget } from "./decide-target.js";
import { filterByPaths } from "./filter-by-paths.js";
import { selectTargets } from "./select-targets.js";
import type { Decision, EngineState } from "./types.js";

/** A push or pull request event, with what the engine needs to decide it. */
export interface TriggerInput {
  readonly repo: RepoFacts;
  readonly trigger: TriggerFacts;
  readonly config: DeployConfig;
  /** `pending` holds the deploys waiting on the same ref; `checks` are the pushed commit's. */
  readonly state: EngineState;
  /**
   * What the push or pull request changed, for targets with `paths` or `paths_ignore`; omitted when
   * no file list was needed (see `needsChangedFiles`), which filters read as unknown.
   */
  readonly changedFiles?: ChangedFiles;
}

/**
 * Decides a push or pull request: older commits waiting on the same ref are superseded, and every
 * target whose `auto_deploy_on` matches is decided for the new commit, unless its path filter
 * finds nothing it cares about among the changed files. A merge queue's temporary branch
 * (`gh-readonly-queue/…`) is never deployed, whatever `auto_deploy_on` says: its commit deploys
 * once it lands on the base branch.
 */
export function decideTrigger({ repo, trigger, config, state, changedFiles = "unknown" }: TriggerInput): Decision[] {
  if (isMergeQueueRef(trigger.ref)) return [];
  const superseded = state.pending
    .filter((pending) => pending.ref === trigger.ref && pending.sha !== trigger.sha)
    .map((pending): Decision => {
      const message = `${trigger.ref} moved on to ${shortSha(trigger.sha)} before ${shortSha(pending.sha)} deployed.`;
      return { ...identify(pending), action: "drop", reason: "superseded", message };
    });

  const deploy: PendingDeploy = {
    target: "",
    ref: trigger.ref,
    sha: trigger.sha,
    pr: trigger.kind === "pull_request" ? trigger.pr : null,
    trigger: trigger.kind,
  };
  const decided = selectTargets(config, trigger.kind, trigger.ref).map((target): Decision => {
    const candidate = { ...deploy, target: target.name };
    if (trigger.kind === "pull_request" && trigger.fromFork && !target.allowForks) {
      const message = `Pull request #${trigger.pr} comes from a fork; ${target.name} does not allow forks (allow_forks).`;
      return { ...identify(candidate), action: "drop", reason: "not_permitted", message };
    }
    if (trigger.kind === "pull_request" && trigger.draft && !target.allowDrafts) {
      const message = `Pull request #${trigger.pr} is a draft; ${target.name} does not deploy drafts (allow_drafts).`;
      return { ...identify(candidate), action: "drop", reason: "not_permitted", message };
    }
    const unchanged = filterByPaths(target, trigger, changedFiles, state.pending);
    if (unchanged !== undefined) return { ...identify(candidate), action: "drop", reason: "paths_unchanged", message: unchanged };
    return decideTarget({ repo, target, deploy: candidate, state });
  });
  return [...superseded, ...decided];
}

function identify(deploy: PendingDeploy) {
  return { target: deploy.target, ref: deploy.ref, sha: deploy.sha, pr: deploy.pr };
}
