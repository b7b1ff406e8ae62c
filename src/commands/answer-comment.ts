import type { RepoContext } from "../deploy/repo-context.js";
import type { CommentFacts } from "../domain/event-facts.js";

/** Marks Deliverybot's replies, so a reply is recognisable (and never itself read as a command). */
export const REPLY_HEADER = "<!-- deliverybot:reply -->";

/**
 * Answers a command comment in one reply: the earlier reply to the same comment edited (a retried
 * delivery, a deploy that waited for approvals), or a new one posted.
 */
export async function answerComment(deps: RepoContext, comment: Pick<CommentFacts, "id" | "pr">, reply: string): Promise<void> {
  const body = `${REPLY_HEADER}\n${reply}`;
  const earlier = await deps.store.findCommandReply(deps.repo.id, comment.id);
  if (earlier !== undefined) {
    await deps.github.editComment(earlier, body);
    return;
  }
  const replyId = await deps.github.postComment(comment.pr, body);
  await deps.store.saveCommandReply(deps.repo.id, comment.id, replyId);
}
