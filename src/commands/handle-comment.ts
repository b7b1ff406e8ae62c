import type { RepoContext } from "../deploy/repo-context.js";
import type { CommentFacts } from "../domain/event-facts.js";
import { answerComment } from "./answer-comment.js";
import { parseCommand } from "./parse-command.js";
import { refusal } from "./reply.js";
import { runCommand } from "./run-command.js";

/**
 * A new comment on a pull request: if its first line is a command, react 👀 at once, run it with
 * the default branch's configuration, and answer in one reply — posted, or the earlier reply to the
 * same comment edited. A repository without configuration does not use Deliverybot: no answer.
 */
export async function handleComment(deps: RepoContext, comment: CommentFacts): Promise<void> {
  const loaded = await deps.github.loadConfig();
  if (loaded.kind === "missing") return;
  const prefix = loaded.kind === "ok" ? loaded.config.commandPrefix : "/";
  const command = parseCommand(comment.body, prefix);
  if (command.kind === "none") return;

  // The reaction only says "seen"; a failure to add it must not stop the command or its answer.
  await deps.github
    .reactSeen(comment.id)
    .catch((error: unknown) => deps.log.warn({ err: error }, "could not react to a command"));
  let reply: string;
  if (loaded.kind === "invalid") {
    const [first] = loaded.problems;
    const message = `.github/deploy.yml on the default branch is invalid, so no command runs until it is fixed: ${first?.message ?? ""}`;
    reply = refusal("config_invalid", message);
  } else {
    reply = await runCommand({ deps, config: loaded.config, comment }, command);
  }
  await answerComment(deps, comment, reply);
}
