import type { ChannelRecord, ChannelStore } from "./channel-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toDate } from "./sql-values.js";

interface ChannelRow {
  owner: string;
  name: string;
  kind: ChannelRecord["kind"];
  sealed: string;
  key_id: string;
  url_hint: string;
  allow_private: boolean;
  created_at: Date | string;
}

const COLUMNS = "owner, name, kind, sealed, key_id, url_hint, allow_private, created_at";

const insert = `
INSERT INTO notification_channels (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (owner, name) DO NOTHING
RETURNING owner`;

const upsert = `
INSERT INTO notification_channels (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (owner, name) DO UPDATE SET kind = EXCLUDED.kind, sealed = EXCLUDED.sealed, key_id = EXCLUDED.key_id,
  url_hint = EXCLUDED.url_hint, allow_private = EXCLUDED.allow_private, created_at = EXCLUDED.created_at
RETURNING owner`;

const find = `SELECT ${COLUMNS} FROM notification_channels WHERE owner = $1 AND name = $2`;

// `$1 IS NULL` lists every account's channels (an operator's overview).
const list = `SELECT ${COLUMNS} FROM notification_channels WHERE $1::text IS NULL OR owner = $1 ORDER BY owner, name`;

const remove = "DELETE FROM notification_channels WHERE owner = $1 AND name = $2 RETURNING owner";

function toChannel(row: ChannelRow): ChannelRecord {
  return {
    owner: row.owner,
    name: row.name,
    kind: row.kind,
    sealed: row.sealed,
    keyId: row.key_id,
    urlHint: row.url_hint,
    allowPrivate: row.allow_private,
    createdAt: toDate(row.created_at),
  };
}

/** Notification channels on SQL. The store only persists: sealing is `src/notify/`'s. */
export function createChannelStore(db: SqlExecutor): ChannelStore {
  return {
    async saveChannel(c, replace) {
      const params = [c.owner, c.name, c.kind, c.sealed, c.keyId, c.urlHint, c.allowPrivate, c.createdAt];
      const { rows } = await db.query(replace ? upsert : insert, params);
      return rows.length === 1;
    },
    async findChannel(owner, name) {
      const { rows } = await db.query<ChannelRow>(find, [owner, name]);
      const row = rows[0];
      return row === undefined ? undefined : toChannel(row);
    },
    async listChannels(owner) {
      const { rows } = await db.query<ChannelRow>(list, [owner ?? null]);
      return rows.map(toChannel);
    },
    async removeChannel(owner, name) {
      const { rows } = await db.query(remove, [owner, name]);
      return rows.length === 1;
    },
  };
}
