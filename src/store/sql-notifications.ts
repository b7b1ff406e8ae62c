import { randomUUID } from "node:crypto";
import type { ClaimedNotification, NewNotification, NotificationRecord, NotificationStore } from "./notification-store.js";
import { changedOne, clampLimit } from "./sql-changed-one.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate, toDateOrNull, toNumber, type SqlBigint } from "./sql-values.js";

/** The most notifications one listing returns. */
const MAX_NOTIFICATION_LIMIT = 1000;

const NEW_COLUMNS = "id, owner, channel, repo_id, deployment_id, event, facts";

// One array per column: notifications are small, so one statement queues a whole batch.
const insert = `
INSERT INTO notifications (${NEW_COLUMNS}, status, attempts, run_at, created_at)
SELECT input.*, 'queued', 0, $8::timestamptz, $8::timestamptz
FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[])
  AS input (${NEW_COLUMNS})
ON CONFLICT (owner, channel, deployment_id, event) DO NOTHING
RETURNING id`;

// SKIP LOCKED lets senders of several processes claim side by side. A notification waits while an
// earlier one of its deployment to the same channel is queued or running, so receivers see a
// deployment's events in order; a running one whose lease ran out belonged to a sender that died.
const claim = `
UPDATE notifications
SET status = 'running', claim_token = $2, lease_until = $3, attempts = attempts + 1, run_at = NULL
WHERE id = (
  SELECT n.id FROM notifications n
  WHERE ((n.status = 'queued' AND n.run_at <= $1) OR (n.status = 'running' AND n.lease_until <= $1))
    AND NOT EXISTS (
      SELECT 1 FROM notifications e
      WHERE e.owner = n.owner AND e.channel = n.channel AND e.deployment_id = n.deployment_id
        AND e.seq < n.seq AND e.status IN ('queued', 'running')
    )
  ORDER BY n.seq
  LIMIT 1
  FOR UPDATE SKIP LOCKED
)
RETURNING ${NEW_COLUMNS}, attempts, created_at`;

const complete = `
UPDATE notifications
SET status = 'done', error = NULL, finished_at = $3, lease_until = NULL, claim_token = NULL
WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const retry = `
UPDATE notifications
SET status = 'queued', run_at = $3, error = $4, lease_until = NULL, claim_token = NULL
WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const park = `
UPDATE notifications
SET status = 'parked', error = $4, finished_at = $3, lease_until = NULL, claim_token = NULL
WHERE id = $1 AND claim_token = $2 AND status = 'running'`;

const requeue = `
UPDATE notifications SET status = 'queued', attempts = 0, run_at = $2, finished_at = NULL
WHERE id = $1 AND status = 'parked'`;

const list = `
SELECT id, owner, channel, repo_id, deployment_id, event, status, attempts, error, created_at, run_at, finished_at
FROM notifications
WHERE status = ANY($1::text[]) AND (NOT $2::boolean OR error IS NOT NULL)
ORDER BY created_at DESC, seq DESC
LIMIT $3`;

const count = `
SELECT status, count(*) AS n FROM notifications
WHERE status IN ('queued', 'running', 'parked')
GROUP BY status`;

const prune = `
DELETE FROM notifications WHERE id IN (
  SELECT id FROM notifications WHERE status = 'done' AND finished_at < $1 LIMIT $2
)
RETURNING id`;

interface ClaimRow {
  id: string;
  owner: string;
  channel: string;
  repo_id: SqlBigint;
  deployment_id: SqlBigint;
  event: NewNotification["event"];
  facts: string;
  attempts: number;
  created_at: Date | string;
}

interface NotificationRow {
  id: string;
  owner: string;
  channel: string;
  repo_id: SqlBigint;
  deployment_id: SqlBigint;
  event: NotificationRecord["event"];
  status: NotificationRecord["status"];
  attempts: number;
  error: string | null;
  created_at: Date | string;
  run_at: Date | string | null;
  finished_at: Date | string | null;
}

function toClaimed(row: ClaimRow, token: string): ClaimedNotification {
  return {
    id: row.id,
    owner: row.owner,
    channel: row.channel,
    repoId: toNumber(row.repo_id),
    deploymentId: toNumber(row.deployment_id),
    event: row.event,
    facts: row.facts,
    token,
    attempts: row.attempts,
    createdAt: toDate(row.created_at),
  };
}

function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    owner: row.owner,
    channel: row.channel,
    repoId: toNumber(row.repo_id),
    deploymentId: toNumber(row.deployment_id),
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    createdAt: toDate(row.created_at),
    nextAttemptAt: row.status === "queued" ? toDateOrNull(row.run_at) : null,
    finishedAt: toDateOrNull(row.finished_at),
  };
}

/** The notification queue on SQL: once per channel, deployment and event; claimed under leases. */
export function createNotificationStore(db: SqlExecutor): NotificationStore {
  return {
    async queueNotifications(notifications, now) {
      if (notifications.length === 0) return 0;
      const column = <K extends keyof NewNotification>(key: K) => notifications.map((n) => n[key]);
      const params = [
        column("id"),
        column("owner"),
        column("channel"),
        column("repoId"),
        column("deploymentId"),
        column("event"),
        column("facts"),
        now,
      ];
      const { rows } = await db.query(insert, params);
      return rows.length;
    },
    async claimNotification(now, leaseMs) {
      const token = randomUUID();
      const { rows } = await db.query<ClaimRow>(claim, [now, token, new Date(now.getTime() + leaseMs)]);
      const row = rows[0];
      return row === undefined ? undefined : toClaimed(row, token);
    },
    completeNotification: (id, token, now) => changedOne(db, complete, [id, token, now]),
    retryNotification: (id, token, runAt, error) => changedOne(db, retry, [id, token, runAt, error]),
    parkNotification: (id, token, now, error) => changedOne(db, park, [id, token, now, error]),
    requeueNotification: (id, now) => changedOne(db, requeue, [id, now]),
    async listNotifications(filter) {
      const limit = clampLimit(filter.limit, MAX_NOTIFICATION_LIMIT);
      if (filter.statuses.length === 0 || limit === 0) return [];
      const { rows } = await db.query<NotificationRow>(list, [[...filter.statuses], filter.failedOnly === true, limit]);
      return rows.map(toRecord);
    },
    async countNotifications() {
      const { rows } = await db.query<{ status: "queued" | "running" | "parked"; n: SqlBigint }>(count);
      const counts = { queued: 0, running: 0, parked: 0 };
      for (const row of rows) counts[row.status] = toNumber(row.n);
      return counts;
    },
    async pruneNotifications(finishedBefore, limit) {
      const { rows } = await db.query(prune, [finishedBefore, limit]);
      return rows.length;
    },
  };
}
