import type { Logger } from "probot";
import type { OpenRepoContext } from "../deploy/repo-context.js";
import type { RateLimiter } from "../hooks/create-rate-limiter.js";
import type { Store } from "../store/store.js";
import type { DashboardCaches } from "./dashboard-caches.js";
import type { DashboardSettings } from "./dashboard-settings.js";
import type { RepositoryVersions } from "./repository-versions.js";
import type { VisibleRepositories } from "./visible-repositories.js";

/** What the dashboard runs on. */
export interface DashboardParts {
  readonly store: Pick<
    Store,
    | "createSession"
    | "findSession"
    | "deleteSession"
    | "listCurrentDeployments"
    | "listDeploymentsInFlight"
    | "searchDeployments"
    | "listEnvironments"
    | "listLocks"
    | "listPendingByRepo"
    | "listProtectionRequests"
    | "listDecisions"
    | "listDeploymentsForMetrics"
    | "listDeploymentsOfCommits"
    | "listChecksOfCommits"
    | "listApprovals"
    | "listAskedDeploysByRepo"
  >;
  readonly now: () => Date;
  readonly log: Logger;
  readonly settings: DashboardSettings;
  readonly visible: VisibleRepositories;
  readonly caches: DashboardCaches;
  /** Each repository's version, read from the store only after it changed. */
  readonly versions: RepositoryVersions;
  /** Sign-ins started per client address: a burst, then one every few seconds. */
  readonly signInLimiter: RateLimiter;
  /** Actions (deploy, lock…) per session, likewise. */
  readonly actionLimiter: RateLimiter;
  /** The context of work on a repository, as the app's installation: actions go through it like commands do. */
  readonly openRepo: OpenRepoContext;
}
