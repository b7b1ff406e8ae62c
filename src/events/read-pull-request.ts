import type { Context } from "probot";
import type { PullRequestTrigger } from "../domain/event-facts.js";

type PullRequestPayload = Context<"pull_request">["payload"];

/** The pull request's head as a deploy trigger; a head in another repository is a fork. */
export function readPullRequest(payload: PullRequestPayload): PullRequestTrigger {
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
