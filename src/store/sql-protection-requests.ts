import type { ProtectionRequestRecord, ProtectionRequestStore } from "./protection-request-store.js";
import type { SqlClient } from "./sql-client.js";
import { toDate, toDateOrNull, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

interface RequestRow {
  repo_id: SqlBigint;
  run_id: SqlBigint;
  environment: string;
  owner: string;
  repo: string;
  installation_id: SqlBigint;
  sha: string;
  ref: string;
  pr: SqlBigint | null;
  requester: string;
  event: string | null;
  requested_at: Date | string;
  reason: string | null;
  message: string | null;
  wake_at: Date | string | null;
}

const columns = `repo_id, run_id, environment, owner, repo, installation_id, sha, ref, pr, requester, event,
  requested_at, reason, message, wake_at`;
const key = "repo_id = $1 AND run_id = $2 AND environment = $3";

const upsert = `
INSERT INTO protection_requests (${columns})
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT (repo_id, run_id, environment) DO UPDATE SET
  owner = EXCLUDED.owner, repo = EXCLUDED.repo, installation_id = EXCLUDED.installation_id, sha = EXCLUDED.sha,
  ref = EXCLUDED.ref, pr = EXCLUDED.pr, requester = EXCLUDED.requester, event = EXCLUDED.event,
  requested_at = EXCLUDED.requested_at, reason = EXCLUDED.reason, message = EXCLUDED.message, wake_at = EXCLUDED.wake_at`;

const prune = `
DELETE FROM protection_requests WHERE (repo_id, run_id, environment) IN (
  SELECT repo_id, run_id, environment FROM protection_requests WHERE requested_at < $1 ORDER BY requested_at LIMIT $2
) RETURNING run_id`;

function toRecord(row: RequestRow): ProtectionRequestRecord {
  return {
    repoId: toNumber(row.repo_id),
    runId: toNumber(row.run_id),
    environment: row.environment,
    owner: row.owner,
    repo: row.repo,
    installationId: toNumber(row.installation_id),
    sha: row.sha,
    ref: row.ref,
    pr: toNumberOrNull(row.pr),
    requester: row.requester,
    event: row.event,
    requestedAt: toDate(row.requested_at),
    reason: row.reason,
    message: row.message,
    wakeAt: toDateOrNull(row.wake_at),
  };
}

/** Protection rule requests on SQL: one row per (repository, run, environment) until it is answered. */
export function createProtectionRequestStore(db: SqlClient): ProtectionRequestStore {
  const select = async (where: string, params: unknown[]): Promise<ProtectionRequestRecord[]> => {
    const { rows } = await db.query<RequestRow>(`SELECT ${columns} FROM protection_requests WHERE ${where}`, params);
    return rows.map(toRecord);
  };
  return {
    async saveProtectionRequest(r) {
      await db.query(upsert, [
        r.repoId,
        r.runId,
        r.environment,
        r.owner,
        r.repo,
        r.installationId,
        r.sha,
        r.ref,
        r.pr,
        r.requester,
        r.event,
        r.requestedAt,
        r.reason,
        r.message,
        r.wakeAt,
      ]);
    },
    listProtectionRequests: (repoId, sha) =>
      sha === undefined
        ? select("repo_id = $1 ORDER BY requested_at, run_id, environment", [repoId])
        : select("repo_id = $1 AND sha = $2 ORDER BY requested_at, run_id, environment", [repoId, sha]),
    listDueProtectionRequests: (now) => select("wake_at IS NOT NULL AND wake_at <= $1 ORDER BY wake_at", [now]),
    async holdProtectionRequest({ repoId, runId, environment }, { reason, message, wakeAt }) {
      await db.query(`UPDATE protection_requests SET reason = $4, message = $5, wake_at = $6 WHERE ${key}`, [
        repoId,
        runId,
        environment,
        reason,
        message,
        wakeAt,
      ]);
    },
    async deleteProtectionRequest({ repoId, runId, environment }) {
      await db.query(`DELETE FROM protection_requests WHERE ${key}`, [repoId, runId, environment]);
    },
    async pruneProtectionRequests(requestedBefore, limit) {
      const { rows } = await db.query(prune, [requestedBefore, limit]);
      return rows.length;
    },
  };
}
