import type { CheckOutcome, CheckRecord } from "../domain/checks.js";
import type { CheckStore } from "./check-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toNumber, type SqlBigint } from "./sql-values.js";

interface CheckRow {
  repo_id: SqlBigint;
  sha: string;
  context: string;
  source: CheckRecord["source"];
  outcome: CheckOutcome;
  external_id: SqlBigint;
}

// A higher id is a newer run and wins. The same id is the same check run moving on
// (created → completed); its events can arrive out of order, so a finished outcome is never
// taken back to 'pending' by a late 'created' event.
const record = `
INSERT INTO checks (repo_id, sha, context, source, outcome, external_id, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, now())
ON CONFLICT (repo_id, sha, context) DO UPDATE
  SET source = excluded.source, outcome = excluded.outcome,
      external_id = excluded.external_id, updated_at = excluded.updated_at
  WHERE checks.external_id < excluded.external_id
     OR (checks.external_id = excluded.external_id
         AND NOT (checks.outcome <> 'pending' AND excluded.outcome = 'pending'))`;

const list = `
SELECT repo_id, sha, context, source, outcome, external_id FROM checks
WHERE repo_id = $1 AND sha = $2
ORDER BY context`;

const listOfCommits = `
SELECT repo_id, sha, context, source, outcome, external_id FROM checks
WHERE repo_id = $1 AND sha = ANY($2::text[])
ORDER BY sha, context`;

function toCheck(row: CheckRow): CheckRecord {
  return {
    repoId: toNumber(row.repo_id),
    sha: row.sha,
    context: row.context,
    source: row.source,
    outcome: row.outcome,
    externalId: toNumber(row.external_id),
  };
}

/** Check facts on SQL: one row per (repository, commit, context), the newest run. */
export function createCheckStore(db: SqlExecutor): CheckStore {
  return {
    async recordCheck(check) {
      const { repoId, sha, context, source, outcome, externalId } = check;
      await db.query(record, [repoId, sha, context, source, outcome, externalId]);
    },
    async listChecks(repoId, sha) {
      const { rows } = await db.query<CheckRow>(list, [repoId, sha]);
      return rows.map(toCheck);
    },
    async listChecksOfCommits(repoId, shas) {
      if (shas.length === 0) return [];
      const { rows } = await db.query<CheckRow>(listOfCommits, [repoId, [...shas]]);
      return rows.map(toCheck);
    },
  };
}
