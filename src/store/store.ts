import type { ApprovalStore } from "./approval-store.js";
import type { AskedDeployStore } from "./asked-deploy-store.js";
import type { ChannelStore } from "./channel-store.js";
import type { CheckStore } from "./check-store.js";
import type { ClaimStore } from "./claim-store.js";
import type { CommandReplyStore } from "./command-reply-store.js";
import type { CommitTimeStore } from "./commit-time-store.js";
import type { DecisionStore } from "./decision-store.js";
import type { DeliveryStore } from "./delivery-store.js";
import type { DeploymentStore } from "./deployment-store.js";
import type { HookStore } from "./hook-store.js";
import type { LockStore } from "./lock-store.js";
import type { MergeGroupStore } from "./merge-group-store.js";
import type { NotificationStore } from "./notification-store.js";
import type { PendingStore } from "./pending-store.js";
import type { ProtectionRequestStore } from "./protection-request-store.js";
import type { PullRequestHeadStore } from "./pull-request-head-store.js";
import type { SessionStore } from "./session-store.js";
import type { VersionStore } from "./version-store.js";
import type { WatchStore } from "./watch-store.js";

/**
 * The store port: everything the app keeps, as one role slice per kind of record. One
 * implementation (`createSqlStore`) runs on embedded PostgreSQL (PGlite) or a PostgreSQL server.
 * Code asks for the slices it uses, not for the whole store.
 */
export interface Store
  extends
    DeliveryStore,
    CheckStore,
    PendingStore,
    ProtectionRequestStore,
    ApprovalStore,
    AskedDeployStore,
    MergeGroupStore,
    DecisionStore,
    ClaimStore,
    DeploymentStore,
    LockStore,
    CommandReplyStore,
    CommitTimeStore,
    PullRequestHeadStore,
    HookStore,
    WatchStore,
    ChannelStore,
    NotificationStore,
    SessionStore,
    VersionStore {
  /**
   * Brings the query planner's statistics up to date after the tables grew. PGlite has no
   * autovacuum daemon: without this its plans stay those of an empty database (the history pages
   * then read every deployment). On a PostgreSQL server autovacuum does it, and this does nothing.
   */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What the work on one repository uses: everything but the queue, the hooks, the watchdog's claims
 * and the notifications (queued through the context's outbox).
 */
export type RepoStore = Pick<WatchStore, "watchDeployment"> &
  CheckStore &
  PendingStore &
  ProtectionRequestStore &
  ApprovalStore &
  Omit<AskedDeployStore, "pruneAskedDeploys"> &
  Omit<MergeGroupStore, "pruneMergeGroups"> &
  DecisionStore &
  ClaimStore &
  DeploymentStore &
  LockStore &
  CommandReplyStore &
  Pick<CommitTimeStore, "recordCommitTimes"> &
  PullRequestHeadStore;
