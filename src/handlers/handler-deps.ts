import type { Logger } from "probot";

import type { GitHubPort } from "../github/github-port.js";
import type { Store } from "../store/store.js";
import type { RepoFacts } from "../domain/repo-facts.js";

/** What every handler works with: the store, GitHub for the event's repository, a logger and a clock. */
export interface HandlerDeps {
  readonly store: Store;
  readonly github: GitHubPort;
  readonly log: Logger;
  readonly now: () => Date;
  readonly repo: RepoFacts;
  readonly installationId: number;
  /** The `X-GitHub-Delivery` being processed; null for work the retry sweep picked up. */
  readonly deliveryId: string | null;
}
