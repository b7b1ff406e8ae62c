import type { Context } from "probot";
import { readMergeQueuePullRequest, type MergeGroupEnd, type MergeGroupFacts } from "../domain/merge-groups.js";
import { requireText } from "./malformed-payload.js";

type MergeGroupPayload = Context<"merge_group">["payload"];

const ENDS: ReadonlySet<string> = new Set<MergeGroupEnd>(["merged", "invalidated", "dequeued"]);

/**
 * The facts of a `merge_group` `checks_requested` or `destroyed` webhook, all from the payload.
 * Throws `MalformedPayload` naming the field when the group's commit or branches are missing.
 */
export function readMergeGroup(payload: MergeGroupPayload): MergeGroupFacts {
  const headSha = requireText(payload, "merge_group.head_sha");
  const headRef = requireText(payload, "merge_group.head_ref");
  const baseRef = requireText(payload, "merge_group.base_ref");
  const reason = "reason" in payload && typeof payload.reason === "string" && ENDS.has(payload.reason) ? payload.reason : null;
  return {
    action: payload.action === "destroyed" ? "destroyed" : "checks_requested",
    headSha,
    headRef,
    baseRef,
    pr: readMergeQueuePullRequest(headRef),
    reason: reason as MergeGroupEnd | null,
  };
}
