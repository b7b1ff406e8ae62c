import { PGlite } from "@electric-sql/pglite";
import { runMigrations } from "./run-migrations.js";
import { createSqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

/** Where the embedded database lives. */
export interface PgliteStoreOptions {
  /** A directory (created when missing); undefined keeps the database in memory, for tests. */
  readonly dataDir?: string;
}

/** Opens (or creates) the embedded PostgreSQL database, migrates it and returns the store. */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<Store> {
  const db = await PGlite.create(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  try {
    await runMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db);
}
