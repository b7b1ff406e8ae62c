import type { SqlExecutor } from "./sql-client.js";
import type { Store } from "./store.js";

/** The part of the store that makes "deploy this commit there" happen once. */
export type ClaimStore = Pick<Store, "claimDeployment" | "releaseDeployment" | "isDeployed" | "listDeployedEnvironments">;

// The primary key makes concurrent claims exclusive; a deployment somebody else created
// (seen through its webhook) counts as taken too.
const claim = `
INSERT INTO deploy_claims (repo_id, environment, sha, target, ref, pr, transient)
SELECT $1, $2, $3, $4, $5, $6, $7
WHERE NOT EXISTS (
  SELECT 1 FROM deployments WHERE repo_id = $1 AND environment = $2 AND sha = $3
)
ON CONFLICT (repo_id, sha, environment) DO NOTHING
RETURNING repo_id`;

const isDeployed = `
SELECT EXISTS (
  SELECT 1 FROM deploy_claims WHERE repo_id = $1 AND environment = $2 AND sha = $3
) OR EXISTS (
  SELECT 1 FROM deployments WHERE repo_id = $1 AND environment = $2 AND sha = $3
) AS deployed`;

const deployedEnvironments = `
SELECT environment FROM deploy_claims WHERE repo_id = $1 AND sha = $2
UNION
SELECT environment FROM deployments WHERE repo_id = $1 AND sha = $2
ORDER BY environment`;

/**
 * Deployment claims on SQL. A claim is kept after the deployment is created: together with the
 * `deployments` row it answers `isDeployed`.
 */
export function createClaimStore(db: SqlExecutor): ClaimStore {
  return {
    async claimDeployment(c) {
      const params = [c.repoId, c.environment, c.sha, c.target, c.ref, c.pr, c.transient];
      const { rows } = await db.query(claim, params);
      return rows.length === 1;
    },
    async releaseDeployment(repoId, environment, sha) {
      await db.query("DELETE FROM deploy_claims WHERE repo_id = $1 AND environment = $2 AND sha = $3", [
        repoId,
        environment,
        sha,
      ]);
    },
    async isDeployed(repoId, environment, sha) {
      const { rows } = await db.query<{ deployed: boolean }>(isDeployed, [repoId, environment, sha]);
      return rows[0]?.deployed === true;
    },
    async listDeployedEnvironments(repoId, sha) {
      const { rows } = await db.query<{ environment: string }>(deployedEnvironments, [repoId, sha]);
      return rows.map((row) => row.environment);
    },
  };
}
