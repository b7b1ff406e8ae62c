import type { MergeGroupFact } from "../domain/merge-groups.js";
import type { MergeGroupStore } from "./merge-group-store.js";
import type { SqlClient } from "./sql-client.js";
import { toDate, toDateOrNull, toNumberOrNull, type SqlBigint } from "./sql-values.js";

interface GroupRow {
  head_sha: string;
  base_ref: string;
  pr: SqlBigint | null;
  requested_at: Date | string;
  destroyed_at: Date | string | null;
  contexts: string[] | null;
}

const upsert = `
INSERT INTO merge_groups (repo_id, head_sha, base_ref, pr, requested_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (repo_id, head_sha) DO UPDATE SET
  base_ref = EXCLUDED.base_ref, pr = EXCLUDED.pr, requested_at = EXCLUDED.requested_at,
  destroyed_at = NULL, reason = NULL`;

// The contexts come from the check store (fed by status and check run webhooks): one query, no fetch.
const selectGroups = (where: string, limit: string) => `
SELECT g.head_sha, g.base_ref, g.pr, g.requested_at, g.destroyed_at,
  array_remove(array_agg(c.context ORDER BY c.context), NULL) AS contexts
FROM merge_groups g
LEFT JOIN checks c ON c.repo_id = g.repo_id AND c.sha = g.head_sha
WHERE ${where}
GROUP BY g.repo_id, g.head_sha
ORDER BY g.requested_at DESC, g.head_sha
LIMIT ${limit}`;

const prune = `
DELETE FROM merge_groups WHERE (repo_id, head_sha) IN (
  SELECT repo_id, head_sha FROM merge_groups WHERE requested_at < $1 ORDER BY requested_at LIMIT $2
) RETURNING head_sha`;

function toFact(row: GroupRow): MergeGroupFact {
  return {
    headSha: row.head_sha,
    baseRef: row.base_ref,
    pr: toNumberOrNull(row.pr),
    requestedAt: toDate(row.requested_at),
    destroyedAt: toDateOrNull(row.destroyed_at),
    contexts: row.contexts ?? [],
  };
}

/** Merge groups on SQL: one row per (repository, merge group commit), kept a day after it entered the queue. */
export function createMergeGroupStore(db: SqlClient): MergeGroupStore {
  return {
    async saveMergeGroup({ repoId, headSha, baseRef, pr, requestedAt }) {
      await db.query(upsert, [repoId, headSha, baseRef, pr, requestedAt]);
    },
    async destroyMergeGroup(repoId, headSha, at, reason) {
      await db.query("UPDATE merge_groups SET destroyed_at = $3, reason = $4 WHERE repo_id = $1 AND head_sha = $2", [
        repoId,
        headSha,
        at,
        reason,
      ]);
    },
    async listMergeGroups(repoId, since, limit) {
      const { rows } = await db.query<GroupRow>(selectGroups("g.repo_id = $1 AND g.requested_at >= $2", "$3"), [
        repoId,
        since,
        limit,
      ]);
      return rows.map(toFact);
    },
    async findMergeGroupOfPullRequest(repoId, pr) {
      const { rows } = await db.query<GroupRow>(selectGroups("g.repo_id = $1 AND g.pr = $2", "1"), [repoId, pr]);
      const [row] = rows;
      return row === undefined ? undefined : toFact(row);
    },
    async pruneMergeGroups(before, limit) {
      const { rows } = await db.query(prune, [before, limit]);
      return rows.length;
    },
  };
}
