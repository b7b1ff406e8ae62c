import pg from "pg";
import { createPoolSqlClient } from "./pg-pool-client.js";
import { createTypeParsers } from "./pg-type-parsers.js";
import { checkSchemaName, withSearchPath } from "./postgres-search-path.js";
import { runMigrations } from "./run-migrations.js";
import type { SqlClient } from "./sql-client.js";
import { createSqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

/** Connections a pool opens at most when the caller does not say. */
export const DEFAULT_POOL_SIZE = 10;

/** How long opening one connection (or waiting for a free one) may take before the query fails. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Serialises schema creation of processes starting at once (beside the migrations' own lock). */
const SCHEMA_LOCK_KEY = 7_201_905_119;

/** Where and how to reach the PostgreSQL server. */
export interface PostgresStoreOptions {
  /** A `postgres://user:password@host:port/database` URL; its own parameters (sslmode, options…) apply. */
  readonly connectionString: string;
  /**
   * The schema that holds the tables, created when missing; every connection uses it as its
   * search path. Absent: the server's default search path (normally `public`).
   */
  readonly schema?: string;
  /** Connections opened at most (default {@link DEFAULT_POOL_SIZE}). */
  readonly poolSize?: number;
  /**
   * Told when an idle pooled connection fails (the server restarted, the network dropped it). The
   * pool drops that connection and opens a new one when needed; nothing else is required.
   */
  readonly onConnectionError?: (error: Error) => void;
}

/**
 * A {@link SqlClient} on a new node-postgres pool: int8 values come back as numbers (as PGlite
 * gives them), every connection uses `schema` when one is given (the schema must exist, see
 * {@link createPostgresStore}), and a failing idle connection never crashes the process.
 * Connects lazily; closing it ends the pool.
 */
export function createPostgresClient(options: PostgresStoreOptions): SqlClient {
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isSafeInteger(poolSize) || poolSize < 1) {
    throw new Error(`The pool size must be a whole number of at least 1, got ${poolSize}`);
  }
  const connectionString =
    options.schema === undefined ? options.connectionString : withSearchPath(options.connectionString, options.schema);
  const connection = {
    connectionString,
    types: createTypeParsers(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...connection, max: poolSize });
  pool.on("error", (error) => options.onConnectionError?.(error));
  return createPoolSqlClient(pool, () => new pg.Client(connection));
}

async function ensureSchema(db: SqlClient, schema: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Under a lock, and looked up first: concurrent CREATE SCHEMA IF NOT EXISTS can fail, and it
    // needs the CREATE privilege on the database even when the schema exists.
    await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [SCHEMA_LOCK_KEY]);
    const { rows } = await tx.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (rows.length === 0) await tx.exec(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  });
}

/**
 * Connects to a PostgreSQL server, creates the schema when one is given and missing, applies the
 * migrations not applied yet (safe from several processes at once) and returns the store, which
 * behaves like the PGlite one. The pool is closed when any of that fails.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  if (options.schema !== undefined) checkSchemaName(options.schema);
  const db = createPostgresClient(options);
  try {
    if (options.schema !== undefined) await ensureSchema(db, options.schema);
    await runMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db);
}
