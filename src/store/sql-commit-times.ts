import type { CommitTimeStore } from "./commit-time-store.js";
import type { SqlExecutor } from "./sql-client.js";

// A push may list a commit twice (its head among its commits): DO NOTHING takes the first.
const insert = `
INSERT INTO commit_times (repo_id, sha, committed_at, recorded_at)
SELECT $1, c.sha, c.committed_at, $4
FROM unnest($2::text[], $3::timestamptz[]) AS c(sha, committed_at)
ON CONFLICT (repo_id, sha) DO NOTHING`;

const prune = `
DELETE FROM commit_times WHERE (repo_id, sha) IN (
  SELECT repo_id, sha FROM commit_times WHERE recorded_at < $1 LIMIT $2
)
RETURNING sha`;

/** Commit times on SQL, keyed by repository and commit. */
export function createCommitTimeStore(db: SqlExecutor): CommitTimeStore {
  return {
    async recordCommitTimes(repoId, commits, recordedAt) {
      if (commits.length === 0) return;
      const shas = commits.map((commit) => commit.sha);
      const times = commits.map((commit) => commit.committedAt.toISOString());
      await db.query(insert, [repoId, shas, times, recordedAt]);
    },
    async pruneCommitTimes(recordedBefore, limit) {
      const { rows } = await db.query(prune, [recordedBefore, limit]);
      return rows.length;
    },
  };
}
