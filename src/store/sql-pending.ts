import type { PendingRecord, PendingStore } from "./pending-store.js";
import type { SqlClient } from "./sql-client.js";
import { toDateOrNull, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

interface PendingRow {
  repo_id: SqlBigint;
  target: string;
  ref: string;
  sha: string;
  pr: SqlBigint | null;
  trigger: PendingRecord["trigger"];
  owner: string;
  repo: string;
  installation_id: SqlBigint;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_error: string | null;
}

const columns = `repo_id, target, ref, sha, pr, trigger, owner, repo, installation_id,
  attempts, next_attempt_at, last_error`;
const key = "repo_id = $1 AND target = $2 AND ref = $3";

// A new commit for (target, ref) replaces the one waiting and starts over with the record's retry
// values; the same commit again refreshes what the event says and keeps its retry schedule. In SET,
// `pending_deploys.*` is the row as it was.
const upsert = `
INSERT INTO pending_deploys (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (repo_id, target, ref) DO UPDATE SET
  sha = EXCLUDED.sha, pr = EXCLUDED.pr, trigger = EXCLUDED.trigger, owner = EXCLUDED.owner,
  repo = EXCLUDED.repo, installation_id = EXCLUDED.installation_id,
  attempts = CASE WHEN pending_deploys.sha = EXCLUDED.sha THEN pending_deploys.attempts ELSE EXCLUDED.attempts END,
  next_attempt_at = CASE WHEN pending_deploys.sha = EXCLUDED.sha
    THEN pending_deploys.next_attempt_at ELSE EXCLUDED.next_attempt_at END,
  last_error = CASE WHEN pending_deploys.sha = EXCLUDED.sha THEN pending_deploys.last_error ELSE EXCLUDED.last_error END,
  created_at = CASE WHEN pending_deploys.sha = EXCLUDED.sha THEN pending_deploys.created_at ELSE now() END,
  updated_at = now()`;

function toPending(row: PendingRow): PendingRecord {
  return {
    repoId: toNumber(row.repo_id),
    target: row.target,
    ref: row.ref,
    sha: row.sha,
    pr: toNumberOrNull(row.pr),
    trigger: row.trigger,
    owner: row.owner,
    repo: row.repo,
    installationId: toNumber(row.installation_id),
    attempts: row.attempts,
    nextAttemptAt: toDateOrNull(row.next_attempt_at),
    lastError: row.last_error,
  };
}

function toParams(p: PendingRecord): unknown[] {
  return [
    p.repoId,
    p.target,
    p.ref,
    p.sha,
    p.pr,
    p.trigger,
    p.owner,
    p.repo,
    p.installationId,
    p.attempts,
    p.nextAttemptAt,
    p.lastError,
  ];
}

/**
 * Pending deploys on SQL. Saving the same (target, ref, sha) again keeps `attempts`,
 * `nextAttemptAt` and `lastError`, so a repeated event cannot reset a scheduled retry; saving
 * another commit starts over with the record's values.
 */
export function createPendingStore(db: SqlClient): PendingStore {
  const select = async (where: string, params: unknown[]): Promise<PendingRecord[]> => {
    const { rows } = await db.query<PendingRow>(`SELECT ${columns} FROM pending_deploys WHERE ${where}`, params);
    return rows.map(toPending);
  };
  return {
    async savePending(pending) {
      await db.query(upsert, toParams(pending));
    },
    listPendingBySha: (repoId, sha) => select("repo_id = $1 AND sha = $2 ORDER BY target, ref", [repoId, sha]),
    listPendingByRef: (repoId, ref) => select("repo_id = $1 AND ref = $2 ORDER BY target", [repoId, ref]),
    listPendingByRepo: (repoId) => select("repo_id = $1 ORDER BY target, ref", [repoId]),
    listDuePending: (now) => select("next_attempt_at IS NOT NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at", [now]),
    async deletePending(repoId, target, ref, sha) {
      await db.query(`DELETE FROM pending_deploys WHERE ${key} AND sha = $4`, [repoId, target, ref, sha]);
    },
    async wakePendingAt(repoId, target, ref, sha, at) {
      await db.query(`UPDATE pending_deploys SET next_attempt_at = $5, updated_at = now() WHERE ${key} AND sha = $4`, [
        repoId,
        target,
        ref,
        sha,
        at,
      ]);
    },
    async deferPending(repoId, target, ref, sha, nextAttemptAt, error) {
      await db.query(
        `UPDATE pending_deploys SET attempts = attempts + 1, next_attempt_at = $5, last_error = $6,
           updated_at = now()
         WHERE ${key} AND sha = $4`,
        [repoId, target, ref, sha, nextAttemptAt, error],
      );
    },
  };
}
