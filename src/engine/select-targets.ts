import type { DeployConfig, Target } from "../config/model.js";
import { matchRef } from "./match-ref.js";
import type { PendingDeploy } from "../domain/deployments.js";

/** Whether a target auto-deploys for this kind of trigger on this ref. */
export function targetMatches(target: Target, trigger: PendingDeploy["trigger"], ref: string): boolean {
  return target.autoDeployOn.some((on) =>
    on.kind === "pull_request" ? trigger === "pull_request" : trigger === "push" && matchRef(on.pattern, ref),
  );
}

/** The targets a push or pull request triggers, in config order. */
export function selectTargets(config: DeployConfig, trigger: PendingDeploy["trigger"], ref: string): Target[] {
  return config.targets.filter((target) => targetMatches(target, trigger, ref));
}
