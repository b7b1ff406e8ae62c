import { decideTrigger, type TriggerInput } from "./decide-trigger.js";
import { pathsApply } from "./filter-by-paths.js";

/**
 * Whether deciding this push or pull request depends on the files it changed: some target it
 * would deploy (or keep waiting to deploy) has a path filter with a say about it. Only then is
 * GitHub asked for the files the payload cannot list, so a configuration without `paths` never
 * costs a call.
 */
export function needsChangedFiles(input: Omit<TriggerInput, "changedFiles">): boolean {
  const filtered = new Set(
    input.config.targets.filter((target) => pathsApply(target, input.trigger, input.state.pending)).map((target) => target.name),
  );
  if (filtered.size === 0) return false;
  return decideTrigger({ ...input, changedFiles: "unknown" }).some(
    (decision) => decision.action !== "drop" && decision.sha === input.trigger.sha && filtered.has(decision.target),
  );
}
