import type { SqlExecutor } from "./sql-client.js";
import { joinNewestKnownStatus, sqlStatesOf } from "./sql-states.js";
import { toDate, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";
import type { DueWatch, WatchStore } from "./watch-store.js";

interface DueRow {
  deployment_id: SqlBigint;
  repo_id: SqlBigint;
  owner: string;
  repo: string;
  installation_id: SqlBigint;
  stuck_after_ms: SqlBigint;
  timeout_ms: SqlBigint;
  watched_at: Date | string;
  kind: "stuck" | "timeout";
  state: string | null;
  environment: string;
  sha: string;
  pr: SqlBigint | null;
}

const insert = `
INSERT INTO deployment_watches
  (deployment_id, repo_id, owner, repo, installation_id, stuck_after_ms, timeout_ms, watched_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (deployment_id) DO NOTHING`;

// Each watch with its deployment's newest status in a state GitHub documents.
const watched = `
SELECT w.*, d.environment, d.sha, d.pr, s.state, s.created_at AS state_at
FROM deployment_watches w
JOIN deployments d ON d.id = w.deployment_id
${joinNewestKnownStatus("w.deployment_id")}`;

const endSettled = `
DELETE FROM deployment_watches WHERE deployment_id IN (
  SELECT deployment_id FROM (${watched}) settled WHERE state IN (${sqlStatesOf(["succeeded", "failed", "inactive"])})
)`;

// The UPDATE checks the claim again on the row it locks: of two watchdogs racing for a watch, the
// second finds it claimed and leaves it.
const claimDue = `
WITH due AS (
  SELECT deployment_id, CASE WHEN state IS NULL THEN 'stuck' ELSE 'timeout' END AS kind, state,
         environment, sha, pr, watched_at
  FROM (${watched}) current
  WHERE (claimed_at IS NULL OR claimed_at <= $2)
    AND (
      (state IS NULL AND watched_at + stuck_after_ms * interval '1 millisecond' <= $1)
      OR (state IN (${sqlStatesOf(["created", "started"])}) AND state_at + timeout_ms * interval '1 millisecond' <= $1)
    )
  ORDER BY watched_at
  LIMIT $3
)
UPDATE deployment_watches w SET claimed_at = $1
FROM due
WHERE w.deployment_id = due.deployment_id AND (w.claimed_at IS NULL OR w.claimed_at <= $2)
RETURNING w.deployment_id, w.repo_id, w.owner, w.repo, w.installation_id, w.stuck_after_ms, w.timeout_ms,
  w.watched_at, due.kind, due.state, due.environment, due.sha, due.pr`;

function toDue(row: DueRow): DueWatch {
  return {
    deploymentId: toNumber(row.deployment_id),
    repoId: toNumber(row.repo_id),
    owner: row.owner,
    repo: row.repo,
    installationId: toNumber(row.installation_id),
    stuckAfterMs: toNumber(row.stuck_after_ms),
    timeoutMs: toNumber(row.timeout_ms),
    watchedAt: toDate(row.watched_at),
    kind: row.kind,
    state: row.state,
    environment: row.environment,
    sha: row.sha,
    pr: toNumberOrNull(row.pr),
  };
}

/** The watchdog's watches on SQL: one row per deployment Deliverybot created, gone once it ended. */
export function createWatchStore(db: SqlExecutor): WatchStore {
  return {
    async watchDeployment(w) {
      const params = [w.deploymentId, w.repoId, w.owner, w.repo, w.installationId, w.stuckAfterMs, w.timeoutMs, w.watchedAt];
      await db.query(insert, params);
    },
    async claimDueWatches(now, leaseMs, limit) {
      await db.query(endSettled);
      const { rows } = await db.query<DueRow>(claimDue, [now, new Date(now.getTime() - leaseMs), limit]);
      return rows.map(toDue);
    },
    async endWatch(deploymentId) {
      await db.query("DELETE FROM deployment_watches WHERE deployment_id = $1", [deploymentId]);
    },
  };
}
