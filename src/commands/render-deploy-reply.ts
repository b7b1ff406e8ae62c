import type { AskedOutcome } from "../deploy/deploy-outcome.js";
import type { CommentFacts } from "../domain/event-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { RetryLater } from "../queue/retry-later.js";
import { refusal, sentence, waiting } from "./reply.js";

/**
 * The reply to a command that deployed, waits for approvals or was refused. A deploy still in
 * flight elsewhere (the same comment processed twice at once) is not answered: the queue processes
 * the comment again.
 */
export function renderDeployReply(outcome: AskedOutcome, comment: Pick<CommentFacts, "author" | "repositoryUrl">): string {
  const short = shortSha(outcome.sha);
  switch (outcome.kind) {
    case "in_flight":
      throw new RetryLater(outcome.message, outcome.retryAt);
    case "already_deployed":
      return sentence(`This comment already deployed ${short} to ${outcome.environment}.`);
    case "deployed": {
      const deployed = sentence(
        `Deployed ${short} (${outcome.ref}) to ${outcome.environment}: deployment ${outcome.deploymentId}, by @${comment.author}.`,
      );
      return `${deployed}\n\n[The deployments of ${sentence(outcome.environment)}](${deploymentsLink(comment, outcome.environment)})`;
    }
    case "refused":
      return refusal(outcome.reason, outcome.message);
    case "waiting":
      return waiting(outcome.reason, outcome.message);
    case "not_now":
    case "github_error":
      return refusal(outcome.reason, `${outcome.message}. Comment again to retry.`);
  }
}

/** The repository's deployments page of one environment. */
function deploymentsLink(comment: Pick<CommentFacts, "repositoryUrl">, environment: string): string {
  // Environment names may carry a branch name (templates): no character of it may end the link.
  const path = encodeURIComponent(environment).replace(/[()'!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${comment.repositoryUrl}/deployments/${path}`;
}
