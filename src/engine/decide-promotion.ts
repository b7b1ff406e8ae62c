import { DateTime } from "luxon";
import type { DeployConfig } from "../config/model.js";
import { shortSha } from "../domain/short-sha.js";
import { renderEnvironment } from "./build-deployment-request.js";
import { decideTarget, type TargetFacts } from "./decide-target.js";
import type { Decision } from "./types.js";

/** A promotion waiting for its upstream targets, with the configuration that names them. */
export interface PromotionFacts extends TargetFacts {
  readonly config: DeployConfig;
}

/**
 * Decides a deploy promoted from other targets (`promote_from`, every one of them): while the
 * commit is not the newest successful deployment of each upstream environment, it waits
 * (`waiting_for_upstream`); a failure there drops it (`upstream_failed`), and so does another
 * commit deployed there since (`upstream_replaced`: a newer one, or a rollback). Once it has
 * succeeded everywhere for the target's `soak`, it goes through the target's own gates like an
 * auto-deploy (already deployed, locks, freezes, checks); until then it waits (`waiting_for_soak`)
 * to be woken when the soak ends.
 */
export function decidePromotion(facts: PromotionFacts): Decision {
  const { repo, target, deploy, state, config } = facts;
  const base = { target: target.name, ref: deploy.ref, sha: deploy.sha, pr: deploy.pr };
  const commit = shortSha(deploy.sha);
  const here = renderEnvironment(repo, target, deploy);
  const wait = (reason: "waiting_for_upstream" | "waiting_for_soak", message: string, wakeAt?: Date): Decision => ({
    ...base,
    action: "wait",
    trigger: deploy.trigger,
    reason,
    message,
    ...(wakeAt === undefined ? {} : { wakeAt }),
  });
  const drop = (reason: "upstream_failed" | "upstream_replaced" | "target_removed", message: string): Decision => ({
    ...base,
    action: "drop",
    reason,
    message,
  });

  let soaked = 0;
  const soakedIn: string[] = [];
  for (const name of target.promoteFrom) {
    const upstream = config.targets.find((candidate) => candidate.name === name);
    if (upstream === undefined)
      return drop("target_removed", `${name}, which ${target.name} promotes from, is no longer a target; dropped ${commit}.`);
    const environment = renderEnvironment(repo, upstream, { ...deploy, target: name });
    const newest = state.upstream.find((fact) => fact.environment === environment);
    if (newest === undefined || newest.sha !== deploy.sha) {
      if (newest !== undefined && state.deployedEnvironments.has(environment)) {
        const message = `${environment} moved on from ${commit} to ${shortSha(newest.sha)} before ${commit} was promoted to ${here}; dropped.`;
        return drop("upstream_replaced", message);
      }
      return wait("waiting_for_upstream", `Waiting for ${commit} to succeed in ${environment} before promoting it to ${here}.`);
    }
    if (newest.lifecycle === "failed")
      return drop("upstream_failed", `${commit} failed in ${environment}; it is not promoted to ${here}.`);
    if (newest.lifecycle === "inactive") {
      return drop("upstream_replaced", `${commit} is no longer active in ${environment}; it is not promoted to ${here}.`);
    }
    if (newest.lifecycle !== "succeeded" || newest.stateAt === null) {
      return wait(
        "waiting_for_upstream",
        `Waiting for ${commit} to succeed in ${environment} (now ${newest.lifecycle}) before promoting it to ${here}.`,
      );
    }
    soaked = Math.max(soaked, newest.stateAt.getTime() + target.soakMs);
    soakedIn.push(environment);
  }
  if (state.now.getTime() < soaked) {
    const at = DateTime.fromMillis(soaked, { zone: "utc" });
    const message = `${commit} succeeded in ${soakedIn.join(", ")}; it is promoted to ${here} once it has for ${formatSoak(target.soakMs)}, at ${at.toFormat("yyyy-MM-dd HH:mm")} UTC.`;
    return wait("waiting_for_soak", message, at.toJSDate());
  }
  return decideTarget(facts);
}

/** `30m`, `2h`, `1h30m`: the soak as people write it. */
function formatSoak(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}
