import type { SqlExecutor } from "./sql-client.js";
import type { VersionStore } from "./version-store.js";

// Ids only grow (GitHub's for deployments and statuses, ours for decisions); locks are replaced
// and deleted, so their count and newest time are part of it too.
const version = `
SELECT concat_ws('.',
  (SELECT coalesce(max(id), 0) FROM deployments WHERE repo_id = $1),
  (SELECT coalesce(max(id), 0) FROM deployment_statuses WHERE repo_id = $1),
  (SELECT coalesce(max(id), 0) FROM decisions WHERE repo_id = $1),
  (SELECT count(*) FROM locks WHERE repo_id = $1),
  (SELECT coalesce(extract(epoch FROM max(created_at)) * 1000, 0)::bigint FROM locks WHERE repo_id = $1)
) AS version`;

/** The repository's version on SQL: one statement of indexed lookups. */
export function createVersionStore(db: SqlExecutor): VersionStore {
  return {
    async repositoryVersion(repoId) {
      const { rows } = await db.query<{ version: string }>(version, [repoId]);
      return rows[0]?.version ?? "";
    },
  };
}
