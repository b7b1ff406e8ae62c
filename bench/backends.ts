import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

/** The store backends the app can run on. */
export type BackendName = "pglite" | "postgres";

/** A fresh, empty store for one app run: the variables that select it, and how to remove it. */
export interface PreparedBackend {
  readonly name: BackendName;
  /** `DATA_DIR=…` or `DATABASE_URL=…`. */
  readonly env: Readonly<Record<string, string>>;
  /** Where it lives, for the report (no password). */
  readonly location: string;
  /** After the app started on it: why the app evidently did not use it (no tables, no files), or `undefined`. */
  unused(): Promise<string | undefined>;
  dispose(): Promise<void>;
}

/** A backend that cannot run here, and why. */
export interface UnavailableBackend {
  readonly name: BackendName;
  readonly reason: string;
}

/** The PostgreSQL server the bench uses unless `BENCH_DATABASE_URL` names another. */
export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** An empty embedded database in a new directory under `workDir`. */
export function preparePglite(workDir: string): PreparedBackend {
  const dataDir = mkdtempSync(join(workDir, "pglite-"));
  return {
    name: "pglite",
    env: { DATA_DIR: dataDir },
    location: "DATA_DIR in a temporary directory",
    unused: async () => (readdirSync(dataDir).length === 0 ? "the app wrote nothing to DATA_DIR" : undefined),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A new schema `bench_<random>` on the PostgreSQL server, handed to the app through the URL's
 * `options=-c search_path=<schema>`; dropped by `dispose()`. Unavailable when the built app (the
 * compiled modules in `appLibDir`) does not read `DATABASE_URL` yet or the server does not answer.
 */
export async function preparePostgres(appLibDir: string, baseUrl: string): Promise<PreparedBackend | UnavailableBackend> {
  if (!builtAppReads(appLibDir, "DATABASE_URL")) {
    return { name: "postgres", reason: "the built app does not read DATABASE_URL yet (the PostgreSQL backend is pending)" };
  }
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  try {
    await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  } catch (error) {
    return { name: "postgres", reason: `PostgreSQL at ${redact(baseUrl)} is unavailable: ${String(error)}` };
  }
  const separator = baseUrl.includes("?") ? "&" : "?";
  return {
    name: "postgres",
    env: { DATABASE_URL: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    location: `schema ${schema} on ${redact(baseUrl)}`,
    unused: async () => {
      const sql = "SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = $1";
      const { rows } = await withClient(baseUrl, (client) => client.query<{ tables: number }>(sql, [schema]));
      return (rows[0]?.tables ?? 0) > 0 ? undefined : "the app did not use DATABASE_URL (no tables in its schema after start-up)";
    },
    dispose: () => withClient(baseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

/** Whether a backend could be prepared. */
export function isPrepared(backend: PreparedBackend | UnavailableBackend): backend is PreparedBackend {
  return "env" in backend;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether any compiled module under `dir` mentions `word`. */
function builtAppReads(dir: string, word: string): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".js") && readFileSync(join(entry.parentPath, entry.name), "utf8").includes(word)) {
      return true;
    }
  }
  return false;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@]*@/, "//$1:***@");
}
