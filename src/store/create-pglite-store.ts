import { PGlite } from "@electric-sql/pglite";
import { runMigrations } from "./run-migrations.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";
import { createSqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

/** Where the embedded database lives. */
export interface PgliteStoreOptions {
  /** A directory (created when missing); undefined keeps the database in memory, for tests. */
  readonly dataDir?: string;
  /**
   * For tests: a `PGlite.dumpDataDir()` archive the in-memory database starts from instead of an
   * empty cluster, which skips initdb (seconds per database). Migrations run on it all the same.
   */
  readonly loadDataDir?: Blob;
}

/** Opens (or creates) the embedded PostgreSQL database, migrates it and returns the store. */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<Store> {
  const db = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
  try {
    // A new 16 MB WAL segment is otherwise filled with zeros first, stalling this thread (and every
    // webhook waiting on it) for tens of milliseconds each time the log moves on to the next one.
    await db.exec("SET wal_init_zero = off");
    await runMigrations(db);
    // Plans for the tables as they are now, not as they were when created (see refreshStatistics).
    await db.exec("ANALYZE");
  } catch (error) {
    await db.close();
    throw error;
  }
  const client = takingTurns(db);
  return { ...createSqlStore(client), refreshStatistics: () => client.exec("ANALYZE").then(() => undefined) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs each statement synchronously on this thread, and a chain of awaited statements
 * resolves without the event loop turning: a worker processing a delivery would keep every webhook
 * waiting until its last statement. Each statement first lets waiting I/O run.
 */
function takingTurns(db: PGlite): SqlClient {
  const executor = (target: SqlExecutor): SqlExecutor => ({
    async query<T>(sql: string, params?: unknown[]) {
      await nextTurn();
      return target.query<T>(sql, params);
    },
    async exec(sql: string) {
      await nextTurn();
      return target.exec(sql);
    },
  });
  return {
    ...executor(db),
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    // In one process nothing is ever missed: listening starts, and stays.
    async listenTo(channel, listener) {
      const stop = await db.listen(channel, (payload) => listener.notify(payload));
      listener.listening();
      return () => stop();
    },
    close: () => db.close(),
  };
}
