import { randomBytes } from "node:crypto";
import pg from "pg";
import { parseDatabaseUrl } from "../../src/store/database-url.js";
import { explainPostgresError } from "../../src/store/explain-postgres-error.js";

/**
 * The PostgreSQL database tests use: `TEST_DATABASE_URL`, else the CI's local server
 * (`postgres://postgres@127.0.0.1:5432/test`, user postgres, trust authentication).
 *
 * Usage: `const schema = await createTestSchema()` in beforeAll, then
 * `createPostgresStore({ connectionString: TEST_DATABASE_URL, schema })` (or `createPostgresClient`),
 * and `await dropTestSchema(schema)` in afterAll.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** How to start the local test server; the failure message when it cannot be reached says it. */
export const START_POSTGRES_COMMAND = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

async function withConnection<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const explained = explainPostgresError(error, parseDatabaseUrl(url, "TEST_DATABASE_URL"), "TEST_DATABASE_URL");
    throw new Error(`${explained}\nThe PostgreSQL tests need this server; start it with: ${START_POSTGRES_COMMAND}`, {
      cause: error,
    });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a new, empty schema `dbot_<pid>_<random>` in the test database and returns its name.
 * Throws (so the test fails, never skips) with the command that starts the server when it cannot
 * be reached. `url` is for testing this helper; suites use the default.
 */
export async function createTestSchema(url: string = TEST_DATABASE_URL): Promise<string> {
  const schema = `dbot_${process.pid}_${randomBytes(6).toString("hex")}`;
  await withConnection(url, (client) => client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`));
  return schema;
}

/** Drops a schema made by {@link createTestSchema} with everything in it (CASCADE); a missing one is fine. */
export async function dropTestSchema(schema: string, url: string = TEST_DATABASE_URL): Promise<void> {
  await withConnection(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`));
}
