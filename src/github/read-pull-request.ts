import type { Context } from "probot";
import type { TriggerFacts } from "../domain/event-facts.js";

type PullRequestPayload = Context<"pull_request">["payload"];

/** The pull request's head as a deploy trigger; a head in another repository is a fork. */
export function readPullRequest(payload: PullRequestPayload): Extract<TriggerFacts, { kind: "pull_request" }> {
  const { pull_request: pr } = payload;
  return {
    kind: "pull_request",
    ref: `refs/heads/${pr.head.ref}`,
    sha: pr.head.sha,
    pr: pr.number,
    fromFork: pr.head.repo?.id !== pr.base.repo.id,
    draft: pr.draft === true,
  };
}
