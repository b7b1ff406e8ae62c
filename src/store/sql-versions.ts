import type { SqlClient } from "./sql-client.js";
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

// The channel the triggers of migration 18 notify on: one per schema, so that stores sharing a
// database never hear each other.
const channel = "SELECT left('deliverybot_' || current_schema(), 63) AS channel";

/**
 * The repository's version on SQL: one statement of indexed lookups; and its changes, from the
 * triggers' notifications (nothing is watched on a client that cannot listen).
 */
export function createVersionStore(db: SqlClient): VersionStore {
  return {
    async repositoryVersion(repoId) {
      const { rows } = await db.query<{ version: string }>(version, [repoId]);
      return rows[0]?.version ?? "";
    },
    async watchRepositories(watcher) {
      if (db.listenTo === undefined) return async () => {};
      const [row] = (await db.query<{ channel: string }>(channel)).rows;
      return db.listenTo(row?.channel ?? "deliverybot_public", {
        notify: (payload) => {
          const repoId = Number(payload);
          if (Number.isSafeInteger(repoId)) watcher.changed(repoId);
        },
        listening: () => watcher.listening(),
        lost: () => watcher.lost(),
      });
    },
  };
}
