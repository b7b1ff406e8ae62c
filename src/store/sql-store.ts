import { createCheckStore } from "./sql-checks.js";
import { createClaimStore } from "./sql-claims.js";
import type { SqlClient } from "./sql-client.js";
import { createDecisionStore } from "./sql-decisions.js";
import { createDeliveryStore } from "./sql-deliveries.js";
import { createDeploymentStore } from "./sql-deployments.js";
import { createPendingStore } from "./sql-pending.js";
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
    ...createDecisionStore(db),
    ...createClaimStore(db),
    ...createDeploymentStore(db),
    async ping() {
      await db.query("SELECT 1");
    },
    close: () => db.close(),
  };
}
