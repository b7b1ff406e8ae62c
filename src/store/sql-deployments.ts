import type { DeploymentStatusRecord, DeploymentTrigger } from "../domain/deployments.js";
import { GITHUB_STATE_LIFECYCLE, LIFECYCLE_STATES, lifecycleOf, type Lifecycle } from "../domain/lifecycle.js";
import {
  METRICS_DEPLOYMENT_LIMIT,
  type DeploymentStore,
  type DeploymentWithState,
  type MetricsDeployment,
} from "./deployment-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { joinNewestKnownStatus, sqlStatesOf } from "./sql-states.js";
import { toDate, toDateOrNull, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

/** Deployments listed when the caller gives no limit. */
export const DEFAULT_DEPLOYMENT_LIMIT = 20;
/** The most deployments one search returns. */
const MAX_SEARCH_LIMIT = 200;

/** GitHub's states that mean `lifecycle` (`pending` too for `created`: no status yet). */
function statesOf(lifecycle: Lifecycle): string[] {
  return Object.entries(GITHUB_STATE_LIFECYCLE)
    .filter(([, meaning]) => meaning === lifecycle)
    .map(([state]) => state);
}

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
  creator: string | null;
  trigger: DeploymentTrigger | null;
  description: string | null;
  state: string | null;
  state_at: Date | string | null;
  status_description: string | null;
  environment_url: string | null;
  log_url: string | null;
}

interface StatusRow {
  id: SqlBigint;
  deployment_id: SqlBigint;
  state: string;
  description: string | null;
  environment_url: string | null;
  log_url: string | null;
  created_at: Date | string;
}

// Our own API response and the `deployment` webhook both record a deployment; each may lack what
// the other knows (target and pull request, or GitHub's creator), so a null never erases a value.
// Statuses that arrived before their deployment learn its repository.
const upsertDeployment = `
WITH recorded AS (
  INSERT INTO deployments
    (id, repo_id, environment, sha, ref, task, target, pr, transient, created_at, creator, trigger, description)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (id) DO UPDATE SET
    repo_id = excluded.repo_id, environment = excluded.environment, sha = excluded.sha,
    ref = excluded.ref, task = excluded.task,
    target = COALESCE(excluded.target, deployments.target),
    pr = COALESCE(excluded.pr, deployments.pr),
    transient = excluded.transient, created_at = excluded.created_at,
    creator = COALESCE(excluded.creator, deployments.creator),
    trigger = COALESCE(excluded.trigger, deployments.trigger),
    description = COALESCE(excluded.description, deployments.description)
  RETURNING id, repo_id
)
UPDATE deployment_statuses s SET repo_id = recorded.repo_id FROM recorded
WHERE s.deployment_id = recorded.id AND s.repo_id IS DISTINCT FROM recorded.repo_id`;

// The repository is its deployment's, when that is known already.
const insertStatus = `
INSERT INTO deployment_statuses (id, deployment_id, state, description, environment_url, log_url, created_at, repo_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT repo_id FROM deployments WHERE id = $2))
ON CONFLICT (id) DO NOTHING`;

/** Deployments from `source` (a table or subquery aliased `d`), each with its newest known status. */
function selectWithNewestState(source: string): string {
  return `
SELECT d.id, d.repo_id, d.environment, d.sha, d.ref, d.task, d.target, d.pr, d.transient,
       d.created_at, d.creator, d.trigger, d.description,
       s.state, s.created_at AS state_at, s.description AS status_description, s.environment_url, s.log_url
FROM ${source} d
${joinNewestKnownStatus("d.id")}`;
}

const withNewestState = selectWithNewestState("deployments");

/**
 * The environments of the repositories in `$1` (`repo_id`, `environment`), each found by one index
 * lookup from the previous one (a skip scan), not by reading every deployment.
 */
const environmentsOf = `
environments (repo_id, environment) AS (
  SELECT r.repo_id, (SELECT min(environment) FROM deployments WHERE repo_id = r.repo_id)
  FROM unnest($1::bigint[]) AS r (repo_id)
  UNION ALL
  SELECT e.repo_id, (SELECT min(environment) FROM deployments WHERE repo_id = e.repo_id AND environment > e.environment)
  FROM environments e WHERE e.environment IS NOT NULL
)`;

// Each environment's newest deployment: what is deployed where.
const listCurrent = `WITH RECURSIVE ${environmentsOf}
${selectWithNewestState(`(
  SELECT newest.* FROM environments e CROSS JOIN LATERAL (
    SELECT * FROM deployments
    WHERE repo_id = e.repo_id AND environment = e.environment
    ORDER BY created_at DESC, id DESC LIMIT 1
  ) newest
  WHERE e.environment IS NOT NULL
)`)}
ORDER BY d.repo_id, d.environment`;

// The newest deployment of each (commit, environment): where each commit went.
const listOfCommits = `${selectWithNewestState(`(
  SELECT DISTINCT ON (sha, environment) * FROM deployments
  WHERE repo_id = $1 AND sha = ANY($2::text[])
  ORDER BY sha, environment, created_at DESC, id DESC
)`)}
ORDER BY d.sha, d.environment`;

// A deployment without a status yet counts as `pending`: its lifecycle is `created`.
const search = `${withNewestState}
WHERE d.repo_id = $1
  AND ($2::text IS NULL OR d.environment = $2)
  AND ($3::text IS NULL OR d.trigger = $3)
  AND ($4::text IS NULL OR lower(d.creator) = lower($4))
  AND ($5::text[] IS NULL OR COALESCE(s.state, 'pending') = ANY($5::text[]))
ORDER BY d.created_at DESC, d.id DESC
LIMIT $6 OFFSET $7`;

const environments = `WITH RECURSIVE ${environmentsOf}
SELECT environment FROM environments WHERE environment IS NOT NULL ORDER BY environment`;

const getOne = `${withNewestState}
WHERE d.repo_id = $1 AND d.id = $2`;

const statusesOf = `
SELECT id, deployment_id, state, description, environment_url, log_url, created_at
FROM deployment_statuses WHERE deployment_id = $1 ORDER BY id`;

const newestStatus = `
SELECT max(id) AS id FROM deployment_statuses
WHERE deployment_id = $1 AND state IN (${sqlStatesOf(LIFECYCLE_STATES)})`;

const listActiveTransient = `${withNewestState}
WHERE d.repo_id = $1 AND d.pr = $2 AND d.transient
  AND s.state IS DISTINCT FROM 'inactive'
ORDER BY d.created_at DESC, d.id DESC`;

const listInFlight = `${withNewestState}
WHERE d.repo_id = $1 AND d.created_at >= $2
  AND COALESCE(s.state, 'pending') IN (${sqlStatesOf(["created", "started"])})
ORDER BY d.created_at DESC, d.id DESC
LIMIT ${DEFAULT_DEPLOYMENT_LIMIT}`;

const listByEnvironment = `${withNewestState}
WHERE d.repo_id = $1 AND d.environment = $2
ORDER BY d.created_at DESC, d.id DESC
LIMIT $3`;

// Oldest first; an environment's newest deployment stays, however old, so what is deployed where
// is always known.
const prune = `
WITH doomed AS (
  SELECT d.id FROM deployments d
  WHERE d.created_at < $1
    AND EXISTS (
      SELECT 1 FROM deployments newer
      WHERE newer.repo_id = d.repo_id AND newer.environment = d.environment
        AND (newer.created_at, newer.id) > (d.created_at, d.id)
    )
  ORDER BY d.created_at
  LIMIT $2
), statuses AS (
  DELETE FROM deployment_statuses WHERE deployment_id IN (SELECT id FROM doomed)
)
DELETE FROM deployments WHERE id IN (SELECT id FROM doomed)
RETURNING id`;

const pruneOrphanStatuses = `
DELETE FROM deployment_statuses s
WHERE s.created_at < $1 AND NOT EXISTS (SELECT 1 FROM deployments d WHERE d.id = s.deployment_id)`;

// The newest deployments since then (the limit keeps the answer bounded), given oldest first.
const metricsDeployments = `
SELECT d.id, d.environment, d.sha, d.created_at, c.committed_at
FROM (
  SELECT id, repo_id, environment, sha, created_at FROM deployments
  WHERE repo_id = $1 AND ($2::text IS NULL OR environment = $2) AND created_at >= $3
  ORDER BY created_at DESC, id DESC
  LIMIT ${METRICS_DEPLOYMENT_LIMIT}
) d
LEFT JOIN commit_times c ON c.repo_id = d.repo_id AND c.sha = d.sha
ORDER BY d.created_at, d.id`;

const metricsStatuses = `
SELECT id, deployment_id, state, created_at FROM deployment_statuses
WHERE deployment_id = ANY($1::bigint[]) AND state IN (${sqlStatesOf(LIFECYCLE_STATES)})
ORDER BY deployment_id, id`;

interface MetricsDeploymentRow {
  id: SqlBigint;
  environment: string;
  sha: string;
  created_at: Date | string;
  committed_at: Date | string | null;
}

interface MetricsStatusRow {
  id: SqlBigint;
  deployment_id: SqlBigint;
  state: string;
  created_at: Date | string;
}

/** The deployments with their statuses: one query for each, however many deployments. */
async function listForMetrics(
  db: SqlExecutor,
  repoId: number,
  environment: string | undefined,
  since: Date,
): Promise<MetricsDeployment[]> {
  const { rows } = await db.query<MetricsDeploymentRow>(metricsDeployments, [repoId, environment ?? null, since]);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => toNumber(row.id));
  const statuses = new Map<number, { id: number; state: string; createdAt: Date }[]>(ids.map((id) => [id, []]));
  const { rows: statusRows } = await db.query<MetricsStatusRow>(metricsStatuses, [ids]);
  for (const row of statusRows) {
    const status = { id: toNumber(row.id), state: row.state, createdAt: toDate(row.created_at) };
    statuses.get(toNumber(row.deployment_id))?.push(status);
  }
  return rows.map((row) => ({
    id: toNumber(row.id),
    environment: row.environment,
    sha: row.sha,
    createdAt: toDate(row.created_at),
    commitTime: toDateOrNull(row.committed_at),
    statuses: statuses.get(toNumber(row.id)) ?? [],
  }));
}

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
    creator: row.creator,
    trigger: row.trigger,
    description: row.description,
    state: row.state,
    lifecycle: (row.state === null ? undefined : lifecycleOf(row.state)) ?? "created",
    stateAt: toDateOrNull(row.state_at),
    statusDescription: row.status_description,
    environmentUrl: row.environment_url,
    logUrl: row.log_url,
  };
}

function toStatus(row: StatusRow): DeploymentStatusRecord {
  return {
    id: toNumber(row.id),
    deploymentId: toNumber(row.deployment_id),
    state: row.state,
    description: row.description,
    environmentUrl: row.environment_url,
    logUrl: row.log_url,
    createdAt: toDate(row.created_at),
  };
}

/** Deployments and statuses on SQL, keyed by GitHub's ids; a status may precede its deployment. */
export function createDeploymentStore(db: SqlExecutor): DeploymentStore {
  return {
    async recordDeployment(d) {
      const params = [d.id, d.repoId, d.environment, d.sha, d.ref, d.task, d.target, d.pr, d.transient, d.createdAt];
      await db.query(upsertDeployment, [...params, d.creator, d.trigger, d.description]);
    },
    async recordDeploymentStatus(s) {
      const params = [s.id, s.deploymentId, s.state, s.description, s.environmentUrl, s.logUrl, s.createdAt];
      await db.query(insertStatus, params);
    },
    async getDeployment(repoId, id) {
      const [row] = (await db.query<DeploymentStateRow>(getOne, [repoId, id])).rows;
      if (row === undefined) return undefined;
      const { rows } = await db.query<StatusRow>(statusesOf, [id]);
      return { ...toDeployment(row), statuses: rows.map(toStatus) };
    },
    async listActiveTransientDeployments(repoId, pr) {
      const { rows } = await db.query<DeploymentStateRow>(listActiveTransient, [repoId, pr]);
      return rows.map(toDeployment);
    },
    async listDeploymentsInFlight(repoId, since) {
      const { rows } = await db.query<DeploymentStateRow>(listInFlight, [repoId, since]);
      return rows.map(toDeployment);
    },
    async listDeployments(repoId, environment, limit = DEFAULT_DEPLOYMENT_LIMIT) {
      const { rows } = await db.query<DeploymentStateRow>(listByEnvironment, [repoId, environment, limit]);
      return rows.map(toDeployment);
    },
    async newestStatusId(deploymentId) {
      const { rows } = await db.query<{ id: SqlBigint | null }>(newestStatus, [deploymentId]);
      return toNumberOrNull(rows[0]?.id ?? null);
    },
    async listCurrentDeployments(repoIds) {
      if (repoIds.length === 0) return [];
      const { rows } = await db.query<DeploymentStateRow>(listCurrent, [[...repoIds]]);
      return rows.map(toDeployment);
    },
    async listDeploymentsOfCommits(repoId, shas) {
      if (shas.length === 0) return [];
      const { rows } = await db.query<DeploymentStateRow>(listOfCommits, [repoId, [...shas]]);
      return rows.map(toDeployment);
    },
    async searchDeployments(repoId, filter) {
      const states = filter.lifecycle === undefined ? null : statesOf(filter.lifecycle);
      const params = [
        repoId,
        filter.environment ?? null,
        filter.trigger ?? null,
        filter.creator ?? null,
        states,
        Math.max(0, Math.min(MAX_SEARCH_LIMIT, Math.floor(filter.limit))),
        Math.max(0, Math.floor(filter.offset ?? 0)),
      ];
      const { rows } = await db.query<DeploymentStateRow>(search, params);
      return rows.map(toDeployment);
    },
    async listEnvironments(repoId) {
      const { rows } = await db.query<{ environment: string }>(environments, [[repoId]]);
      return rows.map((row) => row.environment);
    },
    async pruneDeployments(createdBefore, limit) {
      const { rows } = await db.query<{ id: SqlBigint }>(prune, [createdBefore, limit]);
      await db.query(pruneOrphanStatuses, [createdBefore]);
      return rows.length;
    },
    listDeploymentsForMetrics: (repoId, environment, since) => listForMetrics(db, repoId, environment, since),
  };
}
