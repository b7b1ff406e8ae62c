import type { CommandReplyStore } from "./command-reply-store.js";
import type { SqlExecutor } from "./sql-client.js";
import { toNumber, type SqlBigint } from "./sql-values.js";

const find = "SELECT reply_id FROM command_replies WHERE repo_id = $1 AND comment_id = $2";
const save = `
INSERT INTO command_replies (repo_id, comment_id, reply_id) VALUES ($1, $2, $3)
ON CONFLICT (repo_id, comment_id) DO UPDATE SET reply_id = excluded.reply_id`;

/** Command replies on SQL: one reply per (repository, command comment); saving again replaces it. */
export function createCommandReplyStore(db: SqlExecutor): CommandReplyStore {
  return {
    async findCommandReply(repoId, commentId) {
      const { rows } = await db.query<{ reply_id: SqlBigint }>(find, [repoId, commentId]);
      const row = rows[0];
      return row === undefined ? undefined : toNumber(row.reply_id);
    },
    async saveCommandReply(repoId, commentId, replyId) {
      await db.query(save, [repoId, commentId, replyId]);
    },
  };
}
