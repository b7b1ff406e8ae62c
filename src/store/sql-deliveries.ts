import type { SqlExecutor } from "./sql-client.js";
import type { Store } from "./store.js";

/** The part of the store that de-duplicates webhook deliveries. */
export type DeliveryStore = Pick<Store, "beginDelivery" | "finishDelivery">;

// One statement, so two instances receiving the same delivery cannot both start it: the loser of
// the insert race re-checks the winner's committed row, which is no longer 'failed'.
const begin = `
INSERT INTO deliveries (id, event, action, status, received_at)
VALUES ($1, $2, $3, 'processing', now())
ON CONFLICT (id) DO UPDATE
  SET event = excluded.event, action = excluded.action, status = 'processing',
      error = NULL, received_at = excluded.received_at, finished_at = NULL
  WHERE deliveries.status = 'failed'
RETURNING id`;

const finish = `
UPDATE deliveries SET status = $2, error = $3, finished_at = now()
WHERE id = $1`;

/** Delivery bookkeeping on SQL: a failed delivery is started again when GitHub redelivers it. */
export function createDeliveryStore(db: SqlExecutor): DeliveryStore {
  return {
    async beginDelivery(id, event, action) {
      const { rows } = await db.query(begin, [id, event, action]);
      return rows.length === 1 ? "new" : "duplicate";
    },
    async finishDelivery(id, outcome, error) {
      await db.query(finish, [id, outcome, outcome === "failed" ? (error ?? null) : null]);
    },
  };
}
