import { createApprovalStore } from "./sql-approvals.js";
import { createAskedDeployStore } from "./sql-asked-deploys.js";
import { createChannelStore } from "./sql-channels.js";
import { createCheckStore } from "./sql-checks.js";
import { createClaimStore } from "./sql-claims.js";
import type { SqlClient } from "./sql-client.js";
import { createCommandReplyStore } from "./sql-command-replies.js";
import { createCommitTimeStore } from "./sql-commit-times.js";
import { createDecisionStore } from "./sql-decisions.js";
import { createDeliveryStore } from "./sql-deliveries.js";
import { createDeploymentStore } from "./sql-deployments.js";
import { createHookStore } from "./sql-hooks.js";
import { createLockStore } from "./sql-locks.js";
import { createMergeGroupStore } from "./sql-merge-groups.js";
import { createNotificationStore } from "./sql-notifications.js";
import { createPendingStore } from "./sql-pending.js";
import { createProtectionRequestStore } from "./sql-protection-requests.js";
import { createPullRequestHeadStore } from "./sql-pull-request-heads.js";
import { createSessionStore } from "./sql-sessions.js";
import { createVersionStore } from "./sql-versions.js";
import { createWatchStore } from "./sql-watches.js";
import type { Store } from "./store.js";

/**
 * The store on any PostgreSQL-speaking client (PGlite or a server). Expects the schema to be
 * migrated (`runMigrations`); closing the store closes the client.
 */
export function createSqlStore(db: SqlClient): Store {
  return {
    ...createDeliveryStore(db),
    ...createCheckStore(db),
    ...createPendingStore(db),
    ...createProtectionRequestStore(db),
    ...createApprovalStore(db),
    ...createAskedDeployStore(db),
    ...createMergeGroupStore(db),
    ...createDecisionStore(db),
    ...createClaimStore(db),
    ...createDeploymentStore(db),
    ...createLockStore(db),
    ...createCommandReplyStore(db),
    ...createCommitTimeStore(db),
    ...createPullRequestHeadStore(db),
    ...createHookStore(db),
    ...createWatchStore(db),
    ...createChannelStore(db),
    ...createNotificationStore(db),
    ...createSessionStore(db),
    ...createVersionStore(db),
    refreshStatistics: async () => {},
    close: () => db.close(),
  };
}
