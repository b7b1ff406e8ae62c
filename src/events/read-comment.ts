import type { Context } from "probot";
import type { CommentFacts } from "../domain/event-facts.js";

/** A pull request comment as a command needs it, from the payload. */
export function readComment(payload: Context<"issue_comment.created">["payload"]): CommentFacts {
  return {
    id: payload.comment.id,
    body: payload.comment.body,
    author: payload.comment.user?.login ?? "ghost",
    pr: payload.issue.number,
    createdAt: new Date(payload.comment.created_at),
    repositoryUrl: payload.repository.html_url,
  };
}
