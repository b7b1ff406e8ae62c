import { GLOBAL_LOCK } from "../domain/locks.js";
import type { LockAttempt, LockRecord, LockStore } from "./lock-store.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";
import { toDate, toDateOrNull, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

interface LockRow {
  repo_id: SqlBigint;
  environment: string;
  target: string | null;
  owner: string;
  pr: SqlBigint | null;
  reason: string | null;
  created_at: Date | string;
  expires_at: Date | string | null;
}

const columns = "repo_id, environment, target, owner, pr, reason, created_at, expires_at";
// A lock is in force until its expiry; at the expiry instant it has passed.
const inForceAt = (now: string): string => `(expires_at IS NULL OR expires_at > ${now})`;
// Global lock first, then by environment (for locks of several repositories, by repository first).
const order = `ORDER BY repo_id, environment <> '${GLOBAL_LOCK}', environment`;

const lockCurrent = `SELECT ${columns} FROM locks WHERE repo_id = $1 AND environment = $2 FOR UPDATE`;
const insertNew = `
INSERT INTO locks (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (repo_id, environment) DO NOTHING
RETURNING ${columns}`;
// $7 is the created_at to keep: the holder's when it refreshes, the new one when it replaces.
const overwrite = `
UPDATE locks SET target = $3, owner = $4, pr = $5, reason = $6, created_at = $7, expires_at = $8
WHERE repo_id = $1 AND environment = $2
RETURNING ${columns}`;

const release = "DELETE FROM locks WHERE repo_id = $1 AND environment = $2";
const list = `SELECT ${columns} FROM locks WHERE repo_id = $1 AND ${inForceAt("$2")} ${order}`;
const releaseOfPullRequest = `
WITH released AS (DELETE FROM locks WHERE repo_id = $1 AND pr = $2 RETURNING ${columns})
SELECT ${columns} FROM released ${order}`;
const releaseExpired = `
WITH released AS (
  DELETE FROM locks WHERE expires_at IS NOT NULL AND expires_at <= $1 RETURNING ${columns}
)
SELECT ${columns} FROM released ${order}`;

function toLock(row: LockRow): LockRecord {
  return {
    repoId: toNumber(row.repo_id),
    environment: row.environment,
    target: row.target,
    owner: row.owner,
    pr: toNumberOrNull(row.pr),
    reason: row.reason,
    createdAt: toDate(row.created_at),
    expiresAt: toDateOrNull(row.expires_at),
  };
}

function isInForce(lock: LockRecord, now: Date): boolean {
  return lock.expiresAt === null || lock.expiresAt.getTime() > now.getTime();
}

function firstLock(rows: LockRow[], what: string): LockRecord {
  const row = rows[0];
  if (row === undefined) throw new Error(`Expected the ${what} lock row back`);
  return toLock(row);
}

async function acquireInTransaction(tx: SqlExecutor, lock: LockRecord, now: Date): Promise<LockAttempt> {
  const params = [lock.repoId, lock.environment, lock.target, lock.owner, lock.pr, lock.reason, lock.createdAt, lock.expiresAt];
  // Two rounds at most: when another writer inserts the lock between our SELECT and INSERT, the
  // second round finds (and row-locks) it.
  for (let round = 0; round < 3; round++) {
    const { rows } = await tx.query<LockRow>(lockCurrent, params.slice(0, 2));
    const current = rows[0];
    if (current === undefined) {
      const inserted = await tx.query<LockRow>(insertNew, params);
      if (inserted.rows.length === 1) return { acquired: true, lock: firstLock(inserted.rows, "inserted") };
      continue;
    }
    const holder = toLock(current);
    const held = isInForce(holder, now);
    if (held && holder.owner !== lock.owner) return { acquired: false, holder };
    // The holder taking it again keeps the time it has held it since; an expired lock is replaced.
    const createdAt = held ? holder.createdAt : lock.createdAt;
    const updated = await tx.query<LockRow>(overwrite, [...params.slice(0, 6), createdAt, lock.expiresAt]);
    return { acquired: true, lock: firstLock(updated.rows, "updated") };
  }
  throw new Error(`Could not take the lock on ${lock.environment}: it kept changing`);
}

/**
 * Environment locks on SQL, one row per (repository, environment). An expired lock stays in the
 * table until it is replaced, released or swept, but counts as free everywhere.
 */
export function createLockStore(db: SqlClient): LockStore {
  const select = async (sql: string, params: unknown[]): Promise<LockRecord[]> => {
    const { rows } = await db.query<LockRow>(sql, params);
    return rows.map(toLock);
  };
  return {
    acquireLock: (lock, now) => db.transaction((tx) => acquireInTransaction(tx, lock, now)),
    async releaseLock(repoId, environment) {
      await db.query(release, [repoId, environment]);
    },
    listLocks: (repoId, now) => select(list, [repoId, now]),
    releaseLocksOfPullRequest: (repoId, pr) => select(releaseOfPullRequest, [repoId, pr]),
    releaseExpiredLocks: (now) => select(releaseExpired, [now]),
  };
}
