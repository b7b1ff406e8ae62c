import type pg from "pg";
import { listenOnOwnConnection } from "./pg-listen.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

function executorOn(target: Queryable, isOpen: () => boolean = () => true): SqlExecutor {
  const check = (): void => {
    if (!isOpen()) throw new Error("This transaction has ended; use the executor only inside its callback");
  };
  return {
    async query<T>(sql: string, params?: unknown[]) {
      check();
      const result = await target.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      check();
      // Without parameters node-postgres uses the simple protocol, which runs several statements.
      return target.query(sql);
    },
  };
}

async function rollbackAndRelease(client: pg.PoolClient, brokenBy: Error | undefined): Promise<void> {
  if (brokenBy !== undefined) {
    client.release(brokenBy);
    return;
  }
  try {
    await client.query("ROLLBACK");
    client.release();
  } catch (error) {
    // The connection is in an unknown state: destroy it rather than hand it to the next caller.
    client.release(error instanceof Error ? error : true);
  }
}

/**
 * The store's {@link SqlClient} on a node-postgres pool: statements run on any pooled connection,
 * a transaction on one checked-out connection (BEGIN … COMMIT, or ROLLBACK when `fn` or COMMIT
 * throws), which goes back to the pool afterwards, or is destroyed when it broke or ROLLBACK failed.
 * `listenTo` uses a connection of its own (`openListener`). `close` ends the pool (once, however
 * often it is called).
 */
export function createPoolSqlClient(pool: pg.Pool, openListener: () => pg.Client): SqlClient {
  let closing: Promise<void> | undefined;
  return {
    ...executorOn(pool),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out connection has no listener of the pool's: without one, a server restart
      // between two statements would be an unhandled 'error' event and crash the process.
      let brokenBy: Error | undefined;
      const onError = (error: Error): void => {
        brokenBy = error;
      };
      client.on("error", onError);
      let open = true;
      try {
        await client.query("BEGIN");
        const result = await fn(executorOn(client, () => open));
        await client.query("COMMIT");
        open = false;
        client.release(brokenBy);
        return result;
      } catch (error) {
        if (open) {
          open = false;
          await rollbackAndRelease(client, brokenBy);
        }
        throw error;
      } finally {
        // Only now: a released connection has the pool's listener again, a destroyed one too.
        client.removeListener("error", onError);
      }
    },
    listenTo: (channel, listener) => listenOnOwnConnection(openListener, channel, listener),
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
