import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { createPgliteStore } from "./create-pglite-store.js";
import { createPostgresStore, DEFAULT_POOL_SIZE } from "./create-postgres-store.js";
import { parseDatabaseUrl } from "./database-url.js";
import { explainPostgresError } from "./explain-postgres-error.js";
import type { Store } from "./store.js";

/** The settings that choose and locate the store (normally `process.env`). */
export interface StoreEnvironment {
  /** A `postgres://` URL: use that PostgreSQL server. Unset or empty: the embedded database. */
  readonly DATABASE_URL?: string;
  /** Where the embedded database lives, relative to the working directory (default {@link DEFAULT_DATA_DIR}). */
  readonly DATA_DIR?: string;
  /** Connections to PostgreSQL at most (default 10). */
  readonly DATABASE_POOL_SIZE?: string;
}

/** An open store and where it is, for the start-up log line. */
export interface OpenedStore {
  readonly store: Store;
  readonly backend: "postgres" | "pglite";
  /** Safe to log: the URL with its password replaced by `***`, or the absolute data directory. */
  readonly location: string;
}

/** What the caller may want to hear about while the store is open. */
export interface OpenStoreHooks {
  /** An idle PostgreSQL connection failed (e.g. a server restart); the pool reconnects by itself. */
  readonly onConnectionError?: (error: Error) => void;
}

/** The embedded database's directory when `DATA_DIR` is unset. */
export const DEFAULT_DATA_DIR = "./.data";

function parsePoolSize(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_POOL_SIZE;
  if (!/^\s*[1-9][0-9]{0,5}\s*$/.test(value)) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

async function openPostgres(url: string, env: StoreEnvironment, hooks: OpenStoreHooks): Promise<OpenedStore> {
  const target = parseDatabaseUrl(url);
  const poolSize = parsePoolSize(env.DATABASE_POOL_SIZE);
  try {
    const store = await createPostgresStore({ connectionString: target.connectionString, poolSize, ...hooks });
    return { store, backend: "postgres", location: target.redacted };
  } catch (error) {
    throw new Error(explainPostgresError(error, target), { cause: error });
  }
}

async function openPglite(dataDir: string): Promise<OpenedStore> {
  try {
    await mkdir(dataDir, { recursive: true });
    return { store: await createPgliteStore({ dataDir }), backend: "pglite", location: dataDir };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot open the embedded database in ${dataDir} (DATA_DIR): ${reason}. Check that the directory is writable and ` +
        "no other Deliverybot process uses it (the embedded database allows one), or set DATABASE_URL to use PostgreSQL.",
      { cause: error },
    );
  }
}

/**
 * Opens the store the environment asks for: PostgreSQL when `DATABASE_URL` is set (`DATA_DIR` is
 * then ignored), else the embedded database in `DATA_DIR` (created when missing). Throws an Error
 * that says what to check when the URL is malformed, the server cannot be reached or refuses, or
 * the directory cannot be used; the driver's error is its `cause`.
 */
export async function openStore(
  env: StoreEnvironment,
  cwd: string = process.cwd(),
  hooks: OpenStoreHooks = {},
): Promise<OpenedStore> {
  const url = env.DATABASE_URL?.trim();
  if (url !== undefined && url !== "") return openPostgres(url, env, hooks);
  return openPglite(resolve(cwd, env.DATA_DIR || DEFAULT_DATA_DIR));
}
