import type { DeployConfig } from "../config/model.js";
import type { Decision } from "./types.js";

/**
 * Whether a decision about pushed commits must be made knowing the merge queue's groups: a target
 * coalesces, or a push's deploy waits for checks (one may never report on the queue's commits).
 * Otherwise the groups are not read, and a repository without a merge queue pays nothing for it.
 */
export function needsMergeGroups(config: DeployConfig, decisions: readonly Decision[]): boolean {
  if (config.targets.some((target) => target.coalesce !== undefined)) return true;
  return decisions.some(
    (decision) => decision.action === "wait" && decision.reason === "waiting_for_checks" && decision.trigger === "push",
  );
}
