import type { Logger } from "probot";
import type { Metrics } from "../domain/metrics.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import type { GitHubPort } from "../github/github-port.js";
import type { RepoStore } from "../store/store.js";
import type { NotificationOutbox } from "./notification-outbox.js";

/**
 * What all work on one repository runs with — a webhook's handler, a command, the retry sweep, a
 * hook or admin deploy: the repository, GitHub as the app's installation on it, the store, a
 * logger, a clock and the notification outbox. Built in one place (`createRepoContexts`) and passed down.
 */
export interface RepoContext {
  readonly repo: RepoFacts;
  readonly installationId: number;
  readonly github: GitHubPort;
  readonly store: RepoStore;
  readonly log: Logger;
  readonly now: () => Date;
  readonly metrics: Pick<Metrics, "decisionRecorded" | "deploymentCreated">;
  /** Where deployment notifications are queued for the senders. */
  readonly notifications: NotificationOutbox;
  /**
   * What the work answers, kept with each decision it records: the `X-GitHub-Delivery` id of a
   * webhook, `hook:<hook-id>:<request-id>` or `admin:<request-id>` for a deploy asked for from
   * outside GitHub; null for the retry sweep.
   */
  readonly origin: string | null;
}

/** A repository and the installation whose token its work uses. */
export interface RepoAddress {
  readonly repo: RepoFacts;
  readonly installationId: number;
}

/** Opens the context of some work on a repository: `log` is the logger it uses, `origin` what it answers. */
export type OpenRepoContext = (
  address: RepoAddress,
  work: { readonly log: Logger; readonly origin: string | null },
) => Promise<RepoContext>;
