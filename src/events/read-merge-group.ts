import type { Context } from "probot";
import { readMergeQueuePullRequest, type MergeGroupEnd, type MergeGroupFacts } from "../domain/merge-groups.js";

type MergeGroupPayload = Context<"merge_group">["payload"];

const ENDS: ReadonlySet<string> = new Set<MergeGroupEnd>(["merged", "invalidated", "dequeued"]);

/** The facts of a `merge_group` `checks_requested` or `destroyed` webhook, all from the payload. */
export function readMergeGroup(payload: MergeGroupPayload): MergeGroupFacts {
  const { merge_group: group } = payload;
  const reason = "reason" in payload && typeof payload.reason === "string" && ENDS.has(payload.reason) ? payload.reason : null;
  return {
    action: payload.action === "destroyed" ? "destroyed" : "checks_requested",
    headSha: group.head_sha,
    headRef: group.head_ref,
    baseRef: group.base_ref,
    pr: readMergeQueuePullRequest(group.head_ref),
    reason: reason as MergeGroupEnd | null,
  };
}
