import type { SqlClient, SqlExecutor } from "./sql-client.js";
import { toDateOrNull, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";
import type { PendingRecord, Store } from "./store.js";

/** The part of the store that keeps deploys waiting for their gates. */
export type PendingStore = Pick<
  Store,
  | "savePending"
  | "listPendingBySha"
  | "listPendingByRef"
  | "listPendingByRepo"
  | "listDuePending"
  | "deletePending"
  | "deferPending"
>;

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

const lockCurrent = `SELECT ${columns} FROM pending_deploys WHERE ${key} FOR UPDATE`;
const insertNew = `
INSERT INTO pending_deploys (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (repo_id, target, ref) DO NOTHING
RETURNING repo_id`;
// Same commit again: refresh what the event says, keep the retry schedule.
const refreshSame = `
UPDATE pending_deploys SET pr = $5, trigger = $6, owner = $7, repo = $8, installation_id = $9,
  updated_at = now()
WHERE ${key} AND sha = $4`;
const replaceOther = `
UPDATE pending_deploys SET sha = $4, pr = $5, trigger = $6, owner = $7, repo = $8,
  installation_id = $9, attempts = $10, next_attempt_at = $11, last_error = $12,
  created_at = now(), updated_at = now()
WHERE ${key}`;

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

async function saveInTransaction(tx: SqlExecutor, pending: PendingRecord): Promise<PendingRecord | undefined> {
  const params = toParams(pending);
  // Two rounds at most: when another writer inserts the row between our SELECT and INSERT,
  // the second round finds and locks it.
  for (let round = 0; round < 3; round++) {
    const { rows } = await tx.query<PendingRow>(lockCurrent, params.slice(0, 3));
    const current = rows[0];
    if (current === undefined) {
      const inserted = await tx.query(insertNew, params);
      if (inserted.rows.length === 1) return undefined;
      continue;
    }
    if (current.sha === pending.sha) {
      await tx.query(refreshSame, params.slice(0, 9));
      return undefined;
    }
    await tx.query(replaceOther, params);
    return toPending(current);
  }
  throw new Error(`Could not save the pending deploy of ${pending.target} for ${pending.ref}: it kept changing`);
}

/**
 * Pending deploys on SQL. Saving the same (target, ref, sha) again keeps `attempts`,
 * `nextAttemptAt` and `lastError`, so a repeated event cannot reset a scheduled retry; saving
 * another commit starts over with the record's values and returns the one it replaced.
 */
export function createPendingStore(db: SqlClient): PendingStore {
  const select = async (where: string, params: unknown[]): Promise<PendingRecord[]> => {
    const { rows } = await db.query<PendingRow>(`SELECT ${columns} FROM pending_deploys WHERE ${where}`, params);
    return rows.map(toPending);
  };
  return {
    savePending: (pending) => db.transaction((tx) => saveInTransaction(tx, pending)),
    listPendingBySha: (repoId, sha) => select("repo_id = $1 AND sha = $2 ORDER BY target, ref", [repoId, sha]),
    listPendingByRef: (repoId, ref) => select("repo_id = $1 AND ref = $2 ORDER BY target", [repoId, ref]),
    listPendingByRepo: (repoId) => select("repo_id = $1 ORDER BY target, ref", [repoId]),
    listDuePending: (now) => select("next_attempt_at IS NOT NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at", [now]),
    async deletePending(repoId, target, ref, sha) {
      await db.query(`DELETE FROM pending_deploys WHERE ${key} AND sha = $4`, [repoId, target, ref, sha]);
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
