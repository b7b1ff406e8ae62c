import type { DeployConfig } from "../config/model.js";
import type { HandlerDeps } from "../handlers/handler-deps.js";

/** A command comment, from the `issue_comment` payload. */
export interface CommentFacts {
  readonly id: number;
  readonly body: string;
  readonly author: string;
  readonly pr: number;
  readonly createdAt: Date;
  /** The repository's web address (`repository.html_url`), for links in replies. */
  readonly repositoryUrl: string;
}

/** What every command runs with. */
export interface CommandContext {
  readonly deps: HandlerDeps;
  readonly config: DeployConfig;
  readonly comment: CommentFacts;
}
