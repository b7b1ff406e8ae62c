import type { DeploymentStore, DeploymentWithState } from "./deployment-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

/** Deployments listed when the caller gives no limit. */
export const DEFAULT_DEPLOYMENT_LIMIT = 20;

interface DeploymentStateRow {
  id: SqlBigint;
  repo_id: SqlBigint;
  environment: string;
  sha: string;
  ref: string;
  task: string;
  target: string | null;
  pr: SqlBigint | null;
  transient: boolean;
  created_at: Date | string;
  state: string | null;
}

// Our own API response and the `deployment` webhook both record a deployment; the webhook may
// lack what only we know (target, pull request), so a null never erases a known value.
const upsertDeployment = `
INSERT INTO deployments (id, repo_id, environment, sha, ref, task, target, pr, transient, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (id) DO UPDATE SET
  repo_id = excluded.repo_id, environment = excluded.environment, sha = excluded.sha,
  ref = excluded.ref, task = excluded.task,
  target = COALESCE(excluded.target, deployments.target),
  pr = COALESCE(excluded.pr, deployments.pr),
  transient = excluded.transient, created_at = excluded.created_at`;

const insertStatus = `
INSERT INTO deployment_statuses (id, deployment_id, state, description, environment_url, log_url, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (id) DO NOTHING`;

const withNewestState = `
SELECT d.id, d.repo_id, d.environment, d.sha, d.ref, d.task, d.target, d.pr, d.transient,
       d.created_at, s.state
FROM deployments d
LEFT JOIN LATERAL (
  SELECT state FROM deployment_statuses
  WHERE deployment_id = d.id
  ORDER BY created_at DESC, id DESC
  LIMIT 1
) s ON true`;

const listActiveTransient = `${withNewestState}
WHERE d.repo_id = $1 AND d.pr = $2 AND d.transient
  AND s.state IS DISTINCT FROM 'inactive'
ORDER BY d.created_at DESC, d.id DESC`;

const listByEnvironment = `${withNewestState}
WHERE d.repo_id = $1 AND d.environment = $2
ORDER BY d.created_at DESC, d.id DESC
LIMIT $3`;

function toDeployment(row: DeploymentStateRow): DeploymentWithState {
  return {
    id: toNumber(row.id),
    repoId: toNumber(row.repo_id),
    environment: row.environment,
    sha: row.sha,
    ref: row.ref,
    task: row.task,
    target: row.target,
    pr: toNumberOrNull(row.pr),
    transient: row.transient,
    createdAt: toDate(row.created_at),
    state: row.state,
  };
}

/** Deployments and statuses on SQL, keyed by GitHub's ids; a status may precede its deployment. */
export function createDeploymentStore(db: SqlExecutor): DeploymentStore {
  return {
    async recordDeployment(d) {
      const params = [d.id, d.repoId, d.environment, d.sha, d.ref, d.task, d.target, d.pr, d.transient, d.createdAt];
      await db.query(upsertDeployment, params);
    },
    async recordDeploymentStatus(s) {
      const params = [s.id, s.deploymentId, s.state, s.description, s.environmentUrl, s.logUrl, s.createdAt];
      await db.query(insertStatus, params);
    },
    async listActiveTransientDeployments(repoId, pr) {
      const { rows } = await db.query<DeploymentStateRow>(listActiveTransient, [repoId, pr]);
      return rows.map(toDeployment);
    },
    async listDeployments(repoId, environment, limit = DEFAULT_DEPLOYMENT_LIMIT) {
      const { rows } = await db.query<DeploymentStateRow>(listByEnvironment, [repoId, environment, limit]);
      return rows.map(toDeployment);
    },
  };
}
