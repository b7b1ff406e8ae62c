import type { SessionRecord, SessionStore } from "./session-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate, toNumber, type SqlBigint } from "./sql-values.js";

interface SessionRow {
  id: string;
  login: string;
  user_id: SqlBigint;
  token_sealed: string;
  created_at: Date | string;
  expires_at: Date | string;
}

const COLUMNS = "id, login, user_id, token_sealed, created_at, expires_at";

const insert = `INSERT INTO dashboard_sessions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`;
const find = `SELECT ${COLUMNS} FROM dashboard_sessions WHERE id = $1 AND expires_at > $2`;
const remove = "DELETE FROM dashboard_sessions WHERE id = $1";
const prune = `
DELETE FROM dashboard_sessions WHERE id IN (
  SELECT id FROM dashboard_sessions WHERE expires_at <= $1 LIMIT $2
)
RETURNING id`;

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    login: row.login,
    userId: toNumber(row.user_id),
    tokenSealed: row.token_sealed,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
  };
}

/** Dashboard sessions on SQL. */
export function createSessionStore(db: SqlExecutor): SessionStore {
  return {
    async createSession(s) {
      await db.query(insert, [s.id, s.login, s.userId, s.tokenSealed, s.createdAt, s.expiresAt]);
    },
    async findSession(id, now) {
      const { rows } = await db.query<SessionRow>(find, [id, now]);
      const row = rows[0];
      return row === undefined ? undefined : toSession(row);
    },
    async deleteSession(id) {
      await db.query(remove, [id]);
    },
    async pruneSessions(now, limit) {
      const { rows } = await db.query(prune, [now, limit]);
      return rows.length;
    },
  };
}
