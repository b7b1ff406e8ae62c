import type { HookRecord, HookStore } from "./hook-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate, toDateOrNull, toNumber, type SqlBigint } from "./sql-values.js";

interface HookRow {
  id: string;
  repo_id: SqlBigint;
  owner: string;
  repo: string;
  installation_id: SqlBigint;
  name: string;
  token_hash: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const COLUMNS = "id, repo_id, owner, repo, installation_id, name, token_hash, created_at, revoked_at";

const create = `
INSERT INTO hooks (id, repo_id, owner, repo, installation_id, name, token_hash, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING ${COLUMNS}`;

const find = `SELECT ${COLUMNS} FROM hooks WHERE id = $1`;

// `$1 IS NULL` lists every repository's hooks (for an operator's overview).
const list = `
SELECT ${COLUMNS} FROM hooks WHERE $1::bigint IS NULL OR repo_id = $1
ORDER BY created_at, id`;

// A second revoke keeps the first time: "when was it revoked?" has one answer.
const revoke = "UPDATE hooks SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id";

function toHook(row: HookRow): HookRecord {
  return {
    id: row.id,
    repoId: toNumber(row.repo_id),
    owner: row.owner,
    repo: row.repo,
    installationId: toNumber(row.installation_id),
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: toDate(row.created_at),
    revokedAt: toDateOrNull(row.revoked_at),
  };
}

/** Hooks on SQL. The store only persists: ids and token hashes are made by `src/hooks/`. */
export function createHookStore(db: SqlExecutor): HookStore {
  return {
    async createHook(hook, now) {
      const params = [hook.id, hook.repoId, hook.owner, hook.repo, hook.installationId, hook.name, hook.tokenHash, now];
      const { rows } = await db.query<HookRow>(create, params);
      const row = rows[0];
      if (row === undefined) throw new Error("INSERT … RETURNING returned no row");
      return toHook(row);
    },
    async findHook(id) {
      const { rows } = await db.query<HookRow>(find, [id]);
      const row = rows[0];
      return row === undefined ? undefined : toHook(row);
    },
    async listHooks(repoId) {
      const { rows } = await db.query<HookRow>(list, [repoId ?? null]);
      return rows.map(toHook);
    },
    async revokeHook(id, now) {
      const { rows } = await db.query(revoke, [id, now]);
      return rows.length === 1;
    },
  };
}
