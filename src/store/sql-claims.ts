import { createHash } from "node:crypto";
import { AUTO_CLAIM, type ClaimResult, type ClaimStore } from "./claim-store.js";
import type { SqlClient } from "./sql-client.js";
import { toDate } from "./sql-values.js";

// Serialises the claims of one (repository, environment, commit): the primary key alone cannot
// stop an auto claim and a concurrent command claim from both succeeding, as neither sees the
// other's uncommitted row. Held until the claim's transaction ends.
const lockClaimKey = "SELECT pg_advisory_xact_lock($1::bigint)";

// The primary key makes concurrent claims of the same kind exclusive. An auto claim is also
// refused when the commit has any claim there, or a deployment somebody else created (seen
// through its webhook); a command claim only when that comment already claimed it; a hook claim
// when that request was claimed, for any commit (a partial unique index: no conflict target, so
// both it and the primary key count as a conflict).
const claim = `
INSERT INTO deploy_claims (repo_id, environment, sha, target, ref, pr, transient, via, created_at)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
WHERE $8::text <> 'auto' OR NOT (
  EXISTS (SELECT 1 FROM deploy_claims WHERE repo_id = $1 AND environment = $2 AND sha = $3)
  OR EXISTS (SELECT 1 FROM deployments WHERE repo_id = $1 AND environment = $2 AND sha = $3)
)
ON CONFLICT DO NOTHING
RETURNING repo_id`;

// The same claim's intent, left unsettled past its lease by a process that died: taken over.
const reclaim = `
UPDATE deploy_claims SET created_at = $5
WHERE repo_id = $1 AND environment = $2 AND sha = $3 AND via = $4 AND settled_at IS NULL AND created_at <= $6
RETURNING repo_id`;

// A fresh intent that blocks this claim: its own (a retry racing the first try), or for an auto
// claim any other (a command or hook deploying the commit right now).
const freshIntent = `
SELECT max(created_at) AS claimed_at FROM deploy_claims
WHERE repo_id = $1 AND environment = $2 AND sha = $3 AND settled_at IS NULL AND created_at > $5
  AND (via = $4 OR $4 = 'auto')`;

const settle = `
UPDATE deploy_claims SET settled_at = $5, deployment_id = $6
WHERE repo_id = $1 AND environment = $2 AND sha = $3 AND via = $4`;

const release = `
DELETE FROM deploy_claims WHERE repo_id = $1 AND environment = $2 AND sha = $3 AND via = $4`;

// Intents do not count: claiming again decides about them (in progress, or left by a dead process).
const deployedEnvironments = `
SELECT environment FROM deploy_claims WHERE repo_id = $1 AND sha = $2 AND settled_at IS NOT NULL
UNION
SELECT environment FROM deployments WHERE repo_id = $1 AND sha = $2
ORDER BY environment`;

/** A 64-bit advisory lock key for the claims of (repository, environment, commit), as a bigint string. */
function claimLockKey(repoId: number, environment: string, sha: string): string {
  const digest = createHash("sha256")
    .update(JSON.stringify(["deploy_claims", repoId, environment, sha]))
    .digest();
  return digest.readBigInt64BE(0).toString();
}

/**
 * Deployment claims on SQL. A claim is an intent until settled, and is kept after the deployment is
 * created: together with the `deployments` rows it refuses a second auto claim of the commit there.
 */
export function createClaimStore(db: SqlClient): ClaimStore {
  return {
    claimDeployment: (c, now, leaseMs) =>
      db.transaction(async (tx): Promise<ClaimResult> => {
        await tx.query(lockClaimKey, [claimLockKey(c.repoId, c.environment, c.sha)]);
        const params = [c.repoId, c.environment, c.sha, c.target, c.ref, c.pr, c.transient, c.via, now];
        if ((await tx.query(claim, params)).rows.length === 1) return { kind: "claimed" };
        const staleBefore = new Date(now.getTime() - leaseMs);
        const key = [c.repoId, c.environment, c.sha, c.via];
        if ((await tx.query(reclaim, [...key, now, staleBefore])).rows.length === 1) return { kind: "reclaimed" };
        const { rows } = await tx.query<{ claimed_at: Date | string | null }>(freshIntent, [...key, staleBefore]);
        const claimedAt = rows[0]?.claimed_at ?? null;
        if (claimedAt === null) return { kind: "taken" };
        return { kind: "in_progress", until: new Date(toDate(claimedAt).getTime() + leaseMs) };
      }),
    async settleDeployment(c, deploymentId, now) {
      await db.query(settle, [c.repoId, c.environment, c.sha, c.via, now, deploymentId]);
    },
    // Only the caller's own claim, picked by its `via`: other claims of the commit there (an
    // auto-deploy, other commands) led to deployments and stay.
    async releaseDeployment(repoId, environment, sha, via = AUTO_CLAIM) {
      await db.query(release, [repoId, environment, sha, via]);
    },
    async listDeployedEnvironments(repoId, sha) {
      const { rows } = await db.query<{ environment: string }>(deployedEnvironments, [repoId, sha]);
      return rows.map((row) => row.environment);
    },
  };
}
