import type { RepoPermission } from "../domain/repo-facts.js";

/** Who wrote a command, as the edges resolved it from GitHub. */
export interface ActorFacts {
  readonly login: string;
  readonly permission: RepoPermission;
  /** Whether the target's `deployers` list the actor (directly or by team); undefined when it has none. */
  readonly listedAsDeployer: boolean | undefined;
  /** Whether the target's `admins` list the actor; undefined when it has none. */
  readonly listedAsAdmin: boolean | undefined;
}

/** The pull request a command was written on, as GitHub reported it when the command was checked. */
export interface PullRequestFacts {
  readonly number: number;
  /** Closed and merged pull requests take no deploy commands. */
  readonly open: boolean;
  readonly headSha: string;
  /** Full head ref, e.g. `refs/heads/feature`. */
  readonly headRef: string;
  readonly fromFork: boolean;
  readonly draft: boolean;
  /** True when the head changed after the comment was written (the author saw another commit). */
  readonly headMovedSinceComment: boolean;
}
