import type { PullRequestHeadStore } from "./pull-request-head-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate } from "./sql-values.js";

// Webhooks arrive out of order: an older head never replaces a newer one. The same time replaces
// (the later write wins), so a redelivery is harmless.
const record = `
INSERT INTO pull_request_heads (repo_id, pr, sha, updated_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (repo_id, pr) DO UPDATE SET sha = excluded.sha, updated_at = excluded.updated_at
  WHERE pull_request_heads.updated_at <= excluded.updated_at`;

const get = "SELECT sha, updated_at FROM pull_request_heads WHERE repo_id = $1 AND pr = $2";

/** Pull request heads on SQL, one row per (repository, pull request). */
export function createPullRequestHeadStore(db: SqlExecutor): PullRequestHeadStore {
  return {
    async recordPullRequestHead(repoId, pr, head) {
      await db.query(record, [repoId, pr, head.sha, head.updatedAt]);
    },
    async getPullRequestHead(repoId, pr) {
      const { rows } = await db.query<{ sha: string; updated_at: Date | string }>(get, [repoId, pr]);
      const row = rows[0];
      return row === undefined ? undefined : { sha: row.sha, updatedAt: toDate(row.updated_at) };
    },
  };
}
