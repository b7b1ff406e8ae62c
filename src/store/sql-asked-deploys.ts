import type { Asker } from "../domain/asker.js";
import type { AskedDeployRecord, AskedDeployStore } from "./asked-deploy-store.js";
import type { SqlClient } from "./sql-client.js";
import { toDate, toNumber, toNumberOrNull, type SqlBigint } from "./sql-values.js";

interface AskedRow {
  repo_id: SqlBigint;
  owner: string;
  repo: string;
  installation_id: SqlBigint;
  via: string;
  target: string;
  ref: string;
  sha: string;
  pr: SqlBigint | null;
  asker: string;
  deployed_before: SqlBigint | null;
  asked_at: Date | string;
}

const columns = "repo_id, owner, repo, installation_id, via, target, ref, sha, pr, asker, deployed_before, asked_at";

// The same request asked again (a retried hook, the form sent twice) refreshes what it says and
// keeps when it was first asked.
const upsert = `
INSERT INTO asked_deploys (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (repo_id, via) DO UPDATE SET
  owner = EXCLUDED.owner, repo = EXCLUDED.repo, installation_id = EXCLUDED.installation_id,
  target = EXCLUDED.target, ref = EXCLUDED.ref, sha = EXCLUDED.sha, pr = EXCLUDED.pr, asker = EXCLUDED.asker,
  deployed_before = EXCLUDED.deployed_before`;

const prune = `
DELETE FROM asked_deploys WHERE (repo_id, via) IN (
  SELECT repo_id, via FROM asked_deploys WHERE asked_at < $1 ORDER BY asked_at LIMIT $2
) RETURNING via`;

function toRecord(row: AskedRow): AskedDeployRecord {
  return {
    repoId: toNumber(row.repo_id),
    owner: row.owner,
    repo: row.repo,
    installationId: toNumber(row.installation_id),
    via: row.via,
    target: row.target,
    ref: row.ref,
    sha: row.sha,
    pr: toNumberOrNull(row.pr),
    // Written by saveAskedDeploy only, from the `Asker` type.
    asker: JSON.parse(row.asker) as Asker,
    deployedBefore: toNumberOrNull(row.deployed_before),
    askedAt: toDate(row.asked_at),
  };
}

/** Asked deploys waiting for approvals on SQL: one row per request, the asker as JSON text. */
export function createAskedDeployStore(db: SqlClient): AskedDeployStore {
  const select = async (where: string, params: unknown[]): Promise<AskedDeployRecord[]> => {
    const { rows } = await db.query<AskedRow>(
      `SELECT ${columns} FROM asked_deploys WHERE ${where} ORDER BY asked_at, via`,
      params,
    );
    return rows.map(toRecord);
  };
  return {
    async saveAskedDeploy(a) {
      await db.query(upsert, [
        a.repoId,
        a.owner,
        a.repo,
        a.installationId,
        a.via,
        a.target,
        a.ref,
        a.sha,
        a.pr,
        JSON.stringify(a.asker),
        a.deployedBefore,
        a.askedAt,
      ]);
    },
    listAskedDeploys: (repoId, sha) => select("repo_id = $1 AND sha = $2", [repoId, sha]),
    listAskedDeploysByRepo: (repoId) => select("repo_id = $1", [repoId]),
    async deleteAskedDeploy(repoId, via) {
      await db.query("DELETE FROM asked_deploys WHERE repo_id = $1 AND via = $2", [repoId, via]);
    },
    async pruneAskedDeploys(before, limit) {
      const { rows } = await db.query(prune, [before, limit]);
      return rows.length;
    },
  };
}
