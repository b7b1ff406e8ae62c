import type { SqlExecutor } from "./sql-client.js";
import { toDate, toDateOrNull } from "./sql-values.js";
import type { DeliveryRecord, Store } from "./store.js";

/** The part of the store that de-duplicates webhook deliveries. */
export type DeliveryStore = Pick<Store, "beginDelivery" | "finishDelivery" | "listDeliveries">;

/** The most deliveries one listing returns. */
export const MAX_DELIVERY_LIMIT = 1000;

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

// A processing delivery counts only once it is older than $2 (stuck, not in progress).
const list = `
SELECT id, event, action, status, error, received_at, finished_at FROM deliveries
WHERE status = ANY($1::text[])
  AND (status <> 'processing' OR $2::timestamptz IS NULL OR received_at < $2)
ORDER BY received_at DESC, id DESC
LIMIT $3`;

interface DeliveryRow {
  id: string;
  event: string;
  action: string | null;
  status: DeliveryRecord["status"];
  error: string | null;
  received_at: Date | string;
  finished_at: Date | string | null;
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    event: row.event,
    action: row.action,
    status: row.status,
    error: row.error,
    receivedAt: toDate(row.received_at),
    finishedAt: toDateOrNull(row.finished_at),
  };
}

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
    async listDeliveries(filter) {
      const limit = Number.isFinite(filter.limit) ? Math.max(0, Math.min(MAX_DELIVERY_LIMIT, Math.floor(filter.limit))) : 0;
      if (filter.statuses.length === 0 || limit === 0) return [];
      const params = [[...filter.statuses], filter.olderThan ?? null, limit];
      const { rows } = await db.query<DeliveryRow>(list, params);
      return rows.map(toDelivery);
    },
  };
}
