import type { DeployConfig } from "../config/model.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { decidePromotion } from "./decide-promotion.js";
import { decideTarget } from "./decide-target.js";
import { targetMatches } from "./select-targets.js";
import type { Decision, EngineState } from "./types.js";

/** A status, check run or check suite event about one commit. */
export interface ChecksInput {
  readonly repo: RepoFacts;
  readonly config: DeployConfig;
  /** `pending` holds the deploys waiting on the commit; `checks` its newest check facts. */
  readonly state: EngineState;
}

/**
 * Re-evaluates the deploys waiting on a commit after its checks changed (or its time came, or its
 * upstream moved). A deploy whose target was removed from the configuration, or no longer matches
 * its ref (a promotion: no longer promotes), is dropped.
 */
export function decideChecks({ repo, config, state }: ChecksInput): Decision[] {
  return state.pending.map((pending): Decision => {
    const target = config.targets.find((candidate) => candidate.name === pending.target);
    const stillWanted =
      pending.trigger === "promotion"
        ? target?.promoteFrom.length !== 0
        : target !== undefined && targetMatches(target, pending.trigger, pending.ref);
    if (target === undefined || !stillWanted) {
      const message = `Target ${pending.target} no longer auto-deploys ${pending.ref}; dropped ${shortSha(pending.sha)}.`;
      return {
        target: pending.target,
        ref: pending.ref,
        sha: pending.sha,
        pr: pending.pr,
        action: "drop",
        reason: "target_removed",
        message,
      };
    }
    if (pending.trigger === "promotion") return decidePromotion({ repo, target, deploy: pending, state, config });
    return decideTarget({ repo, target, deploy: pending, state });
  });
}
