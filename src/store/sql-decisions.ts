import type { ReasonCode } from "../domain/reason-codes.js";
import type { DecisionRecord, DecisionStore } from "./decision-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

/** Decisions listed when the caller gives no limit. */
export const DEFAULT_DECISION_LIMIT = 50;
const MAX_DECISION_LIMIT = 1000;

interface DecisionRow {
  repo_id: SqlBigint;
  target: string | null;
  ref: string;
  sha: string;
  pr: SqlBigint | null;
  reason: ReasonCode;
  message: string;
  /** Named before decisions had other origins than webhooks: holds {@link DecisionRecord.origin}. */
  delivery_id: string | null;
  created_at: Date | string;
}

const insert = `
INSERT INTO decisions (repo_id, target, ref, sha, pr, reason, message, delivery_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

// One statement, so the comparison costs no round trip; a target of NULL never matches (recorded).
const insertIfChanged = `
INSERT INTO decisions (repo_id, target, ref, sha, pr, reason, message, delivery_id, created_at)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
WHERE NOT EXISTS (
  SELECT 1 FROM (
    SELECT ref, pr, reason, message FROM decisions
    WHERE repo_id = $1 AND sha = $4 AND target = $2
    ORDER BY created_at DESC, id DESC
    LIMIT 1
  ) latest
  WHERE latest.ref = $3 AND latest.pr IS NOT DISTINCT FROM $5 AND latest.reason = $6 AND latest.message = $7
)
RETURNING id`;

// Absent filters are passed as NULL; both drivers plan each call with its values, so the
// matching index is still used.
const list = `
SELECT repo_id, target, ref, sha, pr, reason, message, delivery_id, created_at FROM decisions
WHERE repo_id = $1
  AND ($2::text IS NULL OR sha = $2)
  AND ($3::text IS NULL OR target = $3)
ORDER BY created_at DESC, id DESC
LIMIT $4`;

function toDecision(row: DecisionRow): DecisionRecord {
  return {
    repoId: toNumber(row.repo_id),
    target: row.target,
    ref: row.ref,
    sha: row.sha,
    pr: toNumberOrNull(row.pr),
    reason: row.reason,
    message: row.message,
    origin: row.delivery_id,
    createdAt: toDate(row.created_at),
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_DECISION_LIMIT;
  return Math.max(0, Math.min(MAX_DECISION_LIMIT, Math.floor(limit)));
}

/** Decisions on SQL, newest first (ties broken by insertion order). */
export function createDecisionStore(db: SqlExecutor): DecisionStore {
  return {
    async recordDecision(d) {
      await db.query(insert, [d.repoId, d.target, d.ref, d.sha, d.pr, d.reason, d.message, d.origin, d.createdAt]);
    },
    async recordDecisionIfChanged(d) {
      const params = [d.repoId, d.target, d.ref, d.sha, d.pr, d.reason, d.message, d.origin, d.createdAt];
      const { rows } = await db.query(insertIfChanged, params);
      return rows.length > 0;
    },
    async listDecisions(repoId, filter = {}) {
      const params = [repoId, filter.sha ?? null, filter.target ?? null, clampLimit(filter.limit)];
      const { rows } = await db.query<DecisionRow>(list, params);
      return rows.map(toDecision);
    },
  };
}
