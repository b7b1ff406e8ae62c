import type { ApprovalRecord, ApprovalStore } from "./approval-store.js";
import type { SqlClient } from "./sql-client.js";
import { toDate, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

interface ApprovalRow {
  repo_id: SqlBigint;
  sha: string;
  target: string;
  login: string;
  verdict: ApprovalRecord["verdict"];
  reason: string | null;
  pr: SqlBigint | null;
  created_at: Date | string;
}

const upsert = `
INSERT INTO approvals (repo_id, sha, target, login, verdict, reason, pr, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (repo_id, sha, target, login) DO UPDATE SET
  verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, pr = EXCLUDED.pr, created_at = EXCLUDED.created_at`;

function toRecord(row: ApprovalRow): ApprovalRecord {
  return {
    repoId: toNumber(row.repo_id),
    sha: row.sha,
    target: row.target,
    login: row.login,
    verdict: row.verdict,
    reason: row.reason,
    pr: toNumberOrNull(row.pr),
    at: toDate(row.created_at),
  };
}

/** Approvals on SQL: one row per (repository, commit, target, person), their latest word. */
export function createApprovalStore(db: SqlClient): ApprovalStore {
  return {
    async recordApproval(a) {
      await db.query(upsert, [a.repoId, a.sha, a.target, a.login.toLowerCase(), a.verdict, a.reason, a.pr, a.at]);
    },
    async listApprovals(repoId, sha) {
      const { rows } = await db.query<ApprovalRow>(
        `SELECT * FROM approvals WHERE repo_id = $1 AND sha = $2 ORDER BY created_at, target, login`,
        [repoId, sha],
      );
      return rows.map(toRecord);
    },
    async listApprovalsOfPullRequest(repoId, pr) {
      // No index on pr: the primary key's repo_id prefix narrows it to one repository's approvals.
      const { rows } = await db.query<ApprovalRow>(
        `SELECT * FROM approvals WHERE repo_id = $1 AND pr = $2 ORDER BY created_at, sha, target, login`,
        [repoId, pr],
      );
      return rows.map(toRecord);
    },
  };
}
