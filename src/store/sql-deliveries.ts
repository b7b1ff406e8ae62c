import { randomUUID } from "node:crypto";
import type {
  ClaimedDelivery,
  DeliveryRecord,
  DeliveryStore,
  EnqueueOutcome,
  NewDelivery,
  QueueCounts,
} from "./delivery-store.js";
import { changedOne, clampLimit } from "./sql-changed-one.js";
import type { SqlClient } from "./sql-client.js";
import { toDate, toDateOrNull, toNumber, type SqlBigint } from "./sql-values.js";

/** The most deliveries one listing returns. */
export const MAX_DELIVERY_LIMIT = 1000;

/** Arbitrary constant (unlike the migration and schema locks): serialises the claims of every worker of every process sharing the database. */
const QUEUE_LOCK_KEY = 7_201_905_120;

// A batch is sent as one `VALUES` row of plain parameters per delivery. (An array parameter per
// column would carry every payload inside an array literal, escaped, that PostgreSQL then parses
// back character by character: twice the cost of storing it.)
const DELIVERY_COLUMNS = "id, event, action, repo_id, installation_id, payload";
const DELIVERY_TYPES = ["text", "text", "text", "bigint", "bigint", "text"];

/** `count` rows of the delivery columns (`($1::text, …)`), each followed by `extra`. */
function deliveryRows(count: number, extra = ""): string {
  const width = DELIVERY_TYPES.length;
  const rows = Array.from({ length: count }, (_, row) => {
    const params = DELIVERY_TYPES.map((type, column) => `$${row * width + column + 1}::${type}`);
    return `(${params.join(", ")}${extra})`;
  });
  return rows.join(",\n");
}

/** The parameter after `count` rows of delivery columns: the time of the batch. */
function batchTime(count: number): string {
  return `$${count * DELIVERY_TYPES.length + 1}::timestamptz`;
}

// The row key makes a delivery id queue once, however many instances receive it at the same time.
// Rows go in in the order given (their `seq`); the caller removes ids repeated within one call and
// sorts them, so concurrent batches take their locks in one order.
function insertNew(count: number): string {
  const now = batchTime(count);
  return `INSERT INTO deliveries (${DELIVERY_COLUMNS}, status, attempts, run_at, received_at)
VALUES ${deliveryRows(count, `, 'queued', 0, ${now}, ${now}`)}
ON CONFLICT (id) DO NOTHING
RETURNING id`;
}

// A known delivery that GitHub sends again starts over if it was parked; anything else is a duplicate.
function requeueParked(count: number): string {
  const now = batchTime(count);
  return `UPDATE deliveries d
SET event = input.event, action = input.action, repo_id = input.repo_id, installation_id = input.installation_id,
    payload = input.payload, status = 'queued', attempts = 0, error = NULL, run_at = ${now}, received_at = ${now},
    finished_at = NULL, lease_until = NULL, claim_token = NULL
FROM (VALUES ${deliveryRows(count)}) AS input (${DELIVERY_COLUMNS})
WHERE d.id = input.id AND d.status = 'parked'
RETURNING d.id`;
}

// Under the queue lock, so a repository's "nothing else running" holds when the claim commits:
// two workers can never run deliveries of one repository at the same time. A running delivery
// whose lease ran out belonged to a worker that died; it may run again.
const claim = `
UPDATE deliveries
SET status = 'running', claim_token = $2, lease_until = $3, attempts = attempts + 1, run_at = NULL
WHERE id = (
  SELECT d.id FROM deliveries d
  WHERE ((d.status = 'queued' AND d.run_at <= $1) OR (d.status = 'running' AND d.lease_until <= $1))
    AND NOT EXISTS (
      SELECT 1 FROM deliveries r
      WHERE r.status = 'running' AND r.repo_id = d.repo_id AND r.lease_until > $1 AND r.id <> d.id
    )
  ORDER BY d.seq
  LIMIT 1
)
RETURNING id, event, action, repo_id, installation_id, payload, attempts, received_at`;

const extend = `
UPDATE deliveries SET lease_until = $3 WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const complete = `
UPDATE deliveries
SET status = 'done', payload = NULL, error = NULL, finished_at = $3, lease_until = NULL, claim_token = NULL
WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const retry = `
UPDATE deliveries
SET status = 'queued', run_at = $3, error = $4, attempts = attempts - CASE WHEN $5::boolean THEN 0 ELSE 1 END,
    lease_until = NULL, claim_token = NULL
WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const park = `
UPDATE deliveries
SET status = 'parked', error = $4, finished_at = $3, lease_until = NULL, claim_token = NULL
WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const requeue = `
UPDATE deliveries
SET status = 'queued', attempts = 0, run_at = $2, finished_at = NULL
WHERE id = $1 AND status = 'parked' AND payload IS NOT NULL`;

const list = `
SELECT id, event, action, status, attempts, error, received_at, run_at, finished_at FROM deliveries
WHERE status = ANY($1::text[]) AND (NOT $2::boolean OR error IS NOT NULL)
ORDER BY received_at DESC, id DESC
LIMIT $3`;

const oldestUnprocessed = "SELECT min(received_at) AS oldest FROM deliveries WHERE status IN ('queued', 'running')";
const count = `
SELECT status, count(*) AS n FROM deliveries
WHERE status IN ('queued', 'running', 'parked')
GROUP BY status`;

const prune = `
DELETE FROM deliveries WHERE id IN (
  SELECT id FROM deliveries WHERE status = 'done' AND finished_at < $1 LIMIT $2
)
RETURNING id`;

interface ClaimRow {
  id: string;
  event: string;
  action: string | null;
  repo_id: SqlBigint;
  installation_id: SqlBigint;
  payload: string;
  attempts: number;
  received_at: Date | string;
}

interface DeliveryRow {
  id: string;
  event: string;
  action: string | null;
  status: DeliveryRecord["status"];
  attempts: number;
  error: string | null;
  received_at: Date | string;
  run_at: Date | string | null;
  finished_at: Date | string | null;
}

function toClaimed(row: ClaimRow, token: string): ClaimedDelivery {
  return {
    id: row.id,
    event: row.event,
    action: row.action,
    repoId: toNumber(row.repo_id),
    installationId: toNumber(row.installation_id),
    payload: row.payload,
    token,
    attempts: row.attempts,
    receivedAt: toDate(row.received_at),
  };
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    event: row.event,
    action: row.action,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    receivedAt: toDate(row.received_at),
    nextAttemptAt: row.status === "queued" ? toDateOrNull(row.run_at) : null,
    finishedAt: toDateOrNull(row.finished_at),
  };
}

/** The durable webhook queue on SQL: deduplicated by delivery id, claimed under leases, one repository at a time. */
export function createDeliveryStore(db: SqlClient): DeliveryStore {
  async function enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<EnqueueOutcome[]> {
    // A repeated id is a duplicate within the call: only its first occurrence is sent.
    const firsts = new Map<string, NewDelivery>();
    for (const d of deliveries) if (!firsts.has(d.id)) firsts.set(d.id, d);
    if (firsts.size === 0) return [];
    const rows = [...firsts.values()].sort((a, b) => byCodeUnits(a.id, b.id));
    const outcomes = new Map<string, EnqueueOutcome>();
    const inserted = await db.query<{ id: string }>(insertNew(rows.length), [...rows.flatMap(deliveryParams), now]);
    for (const { id } of inserted.rows) outcomes.set(id, "queued");
    const known = rows.filter((d) => !outcomes.has(d.id));
    if (known.length > 0) {
      const requeued = await db.query<{ id: string }>(requeueParked(known.length), [...known.flatMap(deliveryParams), now]);
      for (const { id } of requeued.rows) outcomes.set(id, "requeued");
    }
    const seen = new Set<string>();
    return deliveries.map((d) => {
      const first = !seen.has(d.id);
      seen.add(d.id);
      return (first ? outcomes.get(d.id) : undefined) ?? "duplicate";
    });
  }

  return {
    enqueueDeliveries,
    claimDelivery: (now, leaseMs) =>
      db.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [QUEUE_LOCK_KEY]);
        const token = randomUUID();
        const { rows } = await tx.query<ClaimRow>(claim, [now, token, new Date(now.getTime() + leaseMs)]);
        const row = rows[0];
        return row === undefined ? undefined : toClaimed(row, token);
      }),
    extendDeliveryLease: (id, token, until) => changedOne(db, extend, [id, token, until]),
    completeDelivery: (id, token, now) => changedOne(db, complete, [id, token, now]),
    retryDelivery: (id, token, r) => changedOne(db, retry, [id, token, r.runAt, r.error, r.countAttempt]),
    parkDelivery: (id, token, now, error) => changedOne(db, park, [id, token, now, error]),
    requeueDelivery: (id, now) => changedOne(db, requeue, [id, now]),
    async listDeliveries(filter) {
      const limit = clampLimit(filter.limit, MAX_DELIVERY_LIMIT);
      if (filter.statuses.length === 0 || limit === 0) return [];
      const { rows } = await db.query<DeliveryRow>(list, [[...filter.statuses], filter.failedOnly === true, limit]);
      return rows.map(toDelivery);
    },
    async countDeliveries() {
      const { rows } = await db.query<{ status: keyof QueueCounts; n: SqlBigint }>(count);
      const counts = { queued: 0, running: 0, parked: 0 };
      for (const row of rows) counts[row.status] = toNumber(row.n);
      return counts;
    },
    async oldestUnprocessedDelivery() {
      const { rows } = await db.query<{ oldest: Date | string | null }>(oldestUnprocessed);
      return toDateOrNull(rows[0]?.oldest ?? null);
    },
    async pruneDeliveries(finishedBefore, limit) {
      const { rows } = await db.query(prune, [finishedBefore, limit]);
      return rows.length;
    },
  };
}

/** A delivery's parameters, in the order of `DELIVERY_COLUMNS`. */
function deliveryParams(d: NewDelivery): unknown[] {
  return [d.id, d.event, d.action, d.repoId, d.installationId, d.payload];
}

/** Orders strings by UTF-16 code units (as `Array.prototype.sort` does by default). */
function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
