import type { DeployConfig } from "../config/model.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { CommentFacts } from "../domain/event-facts.js";

/** What every command runs with. */
export interface CommandContext {
  readonly deps: RepoContext;
  readonly config: DeployConfig;
  readonly comment: CommentFacts;
}
