import type { Lifecycle } from "../domain/lifecycle.js";
import { shortSha } from "../domain/short-sha.js";

/** The newest deployment of the environment promoted from: its commit and where it stands. */
export interface UpstreamDeployment {
  readonly ref: string;
  readonly sha: string;
  readonly lifecycle: Lifecycle;
}

/**
 * What a promotion by hand deploys: the commit, or why there is none. `nothing_deployed` carries
 * no reason code: each channel names it its own way (`invalid_command`, `invalid_request`).
 */
export type PromotionPick =
  | { readonly kind: "commit"; readonly ref: string; readonly sha: string }
  | {
      readonly kind: "refused";
      readonly reason: "upstream_failed" | "waiting_for_upstream";
      readonly message: string;
      /** The commit that is not promoted, to record the refusal against. */
      readonly ref: string;
      readonly sha: string;
    }
  | { readonly kind: "nothing_deployed"; readonly message: string };

/**
 * The commit `/promote` and `deliverybot promote` deploy: that of `environment`'s newest deployment
 * once it succeeded (a person decides, so no soak). Refused while it has not succeeded
 * (`waiting_for_upstream`) or after it failed or was replaced (`upstream_failed`).
 */
export function pickPromotionCommit(newest: UpstreamDeployment | undefined, environment: string): PromotionPick {
  if (newest === undefined) return { kind: "nothing_deployed", message: `Nothing was deployed to ${environment} yet.` };
  const { ref, sha } = newest;
  const short = shortSha(sha);
  if (newest.lifecycle === "failed" || newest.lifecycle === "inactive") {
    const message = `${short}, the newest deployment to ${environment}, is ${newest.lifecycle}; nothing to promote.`;
    return { kind: "refused", reason: "upstream_failed", message, ref, sha };
  }
  if (newest.lifecycle !== "succeeded") {
    const message = `${short} has not succeeded in ${environment} yet (${newest.lifecycle}); promote it once it has.`;
    return { kind: "refused", reason: "waiting_for_upstream", message, ref, sha };
  }
  return { kind: "commit", ref, sha };
}
