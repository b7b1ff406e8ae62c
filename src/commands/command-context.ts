import type { CommentFacts } from "../domain/event-facts.js";
import type { DeployConfig } from "../config/model.js";
import type { HandlerDeps } from "../handlers/handler-deps.js";

/** What every command runs with. */
export interface CommandContext {
  readonly deps: HandlerDeps;
  readonly config: DeployConfig;
  readonly comment: CommentFacts;
}
