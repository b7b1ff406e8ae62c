import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import pg from "pg";
import { createTestSchema, dropTestSchema, TEST_DATABASE_URL } from "./postgres-test-database.js";
import { createPostgresClient, createPostgresStore } from "../../src/store/create-postgres-store.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import type { SqlClient } from "../../src/store/sql-client.js";

/** TEST_DATABASE_URL with extra parameters, e.g. an application_name that finds this pool's connections. */
function urlWith(params: Record<string, string>): string {
  const url = new URL(TEST_DATABASE_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function connectionsOf(applicationName: string): Promise<number> {
  const { rows } = await admin((c) =>
    c.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1", [applicationName]),
  );
  return Number(rows[0]?.n);
}

async function terminate(pid: number): Promise<void> {
  await admin((c) => c.query("SELECT pg_terminate_backend($1)", [pid]));
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

const uniqueName = (prefix: string): string => `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

// Every kind of value the store's tables hold, and what the mappers read (count, arrays, NULL).
const everyType = `
SELECT 4294967297::bigint AS big, -4294967297::bigint AS negative, 9007199254740991::bigint AS largest,
       9007199254740993::bigint AS beyond, NULL::bigint AS missing, ARRAY[4294967297, NULL]::bigint[] AS bigs,
       ARRAY[ARRAY[1, 2], ARRAY[3, 4]]::bigint[] AS nested, count(*) AS counted, 7::integer AS small,
       'x'::text AS word, ARRAY['a', 'b']::text[] AS words, true AS yes,
       '2026-01-01T10:00:00.123Z'::timestamptz AS at, 1.5::numeric AS decimal`;

const params: unknown[] = [4_294_967_297, new Date("2026-01-01T10:00:00.123Z"), ["a", "b"], [4_294_967_297, 5], null, true];
const withParams =
  "SELECT $1::bigint AS id, $2::timestamptz AS at, $3::text[] AS words, $4::bigint[] AS ids, $5::bigint AS none, $6::boolean AS flag";

describe("createPostgresClient", () => {
  let schema = "";
  let db: SqlClient | undefined;
  const getDb = (): SqlClient => {
    if (db === undefined) throw new Error("no client; see the beforeAll error");
    return db;
  };
  beforeAll(async () => {
    schema = await createTestSchema();
    db = createPostgresClient({ connectionString: TEST_DATABASE_URL, schema, poolSize: 1 });
    await db.exec("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
  });
  afterAll(async () => {
    await db?.close();
    await dropTestSchema(schema);
  });

  it("returns every value in the JS type PGlite returns: int8 as a number, a bigint only beyond 2^53", async () => {
    const lite = await PGlite.create();
    const expected = await lite.query(everyType);
    const expectedParams = await lite.query(withParams, params);
    await lite.close();

    const actual = await getDb().query<Record<string, unknown>>(everyType);
    const actualParams = await getDb().query(withParams, params);

    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows[0]).toMatchObject({ big: 4_294_967_297, bigs: [4_294_967_297, null], beyond: 9007199254740993n });
    expect(actualParams.rows).toEqual(expectedParams.rows);
  });

  it("leaves the process-wide parsers of pg alone", async () => {
    const plain = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await plain.connect();
    const { rows } = await plain.query("SELECT 4294967297::bigint AS big");
    await plain.end();

    expect(rows).toEqual([{ big: "4294967297" }]);
  });

  it("creates tables in its schema, found there by every pooled connection", async () => {
    const { rows } = await getDb().query<{ schema: string; tables: string }>(
      "SELECT current_schema() AS schema, (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables",
    );

    expect(rows).toEqual([{ schema, tables: 1 }]);
  });

  it("commits a transaction that resolves and rolls back one that throws, and goes on with the one connection", async () => {
    const committed = await getDb().transaction(async (tx) => {
      await tx.query("INSERT INTO notes (id, body) VALUES ($1, $2)", [1, "kept"]);
      return "done";
    });
    const failure = await getDb()
      .transaction(async (tx) => {
        await tx.query("INSERT INTO notes (id, body) VALUES ($1, $2)", [2, "rolled back"]);
        throw new Error("changed my mind");
      })
      .catch((error: unknown) => error);
    const { rows } = await getDb().query("SELECT id, body FROM notes ORDER BY id");

    expect(committed).toBe("done");
    expect(failure).toEqual(new Error("changed my mind"));
    expect(rows).toEqual([{ id: 1, body: "kept" }]);
  });

  it("rolls back when COMMIT itself fails (a deferred constraint)", async () => {
    await getDb().exec(`CREATE TABLE deferred (id integer, CONSTRAINT once UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`);
    const failure = await getDb()
      .transaction(async (tx) => {
        await tx.query("INSERT INTO deferred VALUES (1), (1)");
      })
      .catch((error: unknown) => error);
    const { rows } = await getDb().query("SELECT count(*) AS n FROM deferred");

    expect(failure).toMatchObject({ code: "23505" });
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("refuses statements through a transaction's executor after it ended", async () => {
    let leaked: Parameters<Parameters<SqlClient["transaction"]>[0]>[0] | undefined;
    await getDb().transaction(async (tx) => {
      leaked = tx;
    });

    await expect(leaked?.query("SELECT 1")).rejects.toThrow("This transaction has ended");
  });

  it("runs several statements in one exec", async () => {
    await getDb().exec("INSERT INTO notes (id, body) VALUES (10, 'a'); INSERT INTO notes (id, body) VALUES (11, 'b');");
    const { rows } = await getDb().query("SELECT id FROM notes WHERE id >= 10 ORDER BY id");

    expect(rows).toEqual([{ id: 10 }, { id: 11 }]);
  });

  it("survives its connection being killed inside a transaction, dropping it for a new one", async () => {
    const before = await getDb().query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const pid = before.rows[0]?.pid ?? 0;
    const failure = await getDb()
      .transaction(async (tx) => {
        await tx.query("INSERT INTO notes (id, body) VALUES (20, 'lost')");
        await terminate(pid);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await tx.query("SELECT 1");
      })
      .catch((error: unknown) => error);
    const after = await getDb().query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const { rows } = await getDb().query("SELECT id FROM notes WHERE id = 20");

    expect(failure).toBeInstanceOf(Error);
    expect(after.rows[0]?.pid).not.toBe(pid);
    expect(rows).toEqual([]);
  });

  it("throws the caller's error, not ROLLBACK's, when ROLLBACK fails on a dead connection, and drops that connection", async () => {
    const before = await getDb().query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const failure = await getDb()
      .transaction(async (tx) => {
        // The connection ends while a statement runs, so only ROLLBACK finds out it is gone.
        await tx.query("SELECT pg_terminate_backend(pg_backend_pid())").catch(() => undefined);
        throw new Error("callback failed");
      })
      .catch((error: unknown) => error);
    const after = await getDb().query<{ pid: number }>("SELECT pg_backend_pid() AS pid");

    expect(failure).toEqual(new Error("callback failed"));
    expect(after.rows[0]?.pid).not.toBe(before.rows[0]?.pid);
  });
});

describe("createPostgresClient on a failing server", () => {
  it("tells about idle connections the server dropped, and reconnects on the next statement", async () => {
    const applicationName = uniqueName("dbot_idle");
    const errors: Error[] = [];
    const db = createPostgresClient({
      connectionString: urlWith({ application_name: applicationName }),
      poolSize: 2,
      onConnectionError: (error) => errors.push(error),
    });
    await Promise.all([db.query("SELECT pg_sleep(0.05)"), db.query("SELECT pg_sleep(0.05)")]);
    const opened = await connectionsOf(applicationName);

    await admin((c) =>
      c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [applicationName]),
    );
    await eventually(async () => errors.length === 2, "both idle connections reported their error");
    const { rows } = await db.query("SELECT 1 AS one");
    await db.close();
    await db.close();

    expect(opened).toBe(2);
    expect(errors.map((error) => error.message)).toEqual([
      "terminating connection due to administrator command",
      "terminating connection due to administrator command",
    ]);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it("does not crash when nobody listens for connection errors", async () => {
    const applicationName = uniqueName("dbot_unheard");
    const db = createPostgresClient({ connectionString: urlWith({ application_name: applicationName }), poolSize: 1 });
    await db.query("SELECT 1");

    await admin((c) =>
      c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [applicationName]),
    );
    await eventually(async () => (await connectionsOf(applicationName)) === 0, "the connection was terminated");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { rows } = await db.query("SELECT 2 AS two");
    await db.close();

    expect(rows).toEqual([{ two: 2 }]);
  });

  it("refuses a pool size below 1", () => {
    expect(() => createPostgresClient({ connectionString: TEST_DATABASE_URL, poolSize: 0 })).toThrow(
      "The pool size must be a whole number of at least 1, got 0",
    );
  });
});

describe("createPostgresStore", () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropTestSchema(schema);
  });

  it("creates a missing schema with an awkward name and keeps the URL's own options", async () => {
    const schema = `Odd "schema" \\ ${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    schemas.push(schema);
    const store = await createPostgresStore({
      connectionString: urlWith({ options: "-c statement_timeout=4321" }),
      schema,
    });
    const probe = createPostgresClient({ connectionString: urlWith({ options: "-c statement_timeout=4321" }), schema });
    const { rows } = await probe.query("SELECT current_schema() AS schema, current_setting('statement_timeout') AS timeout");
    const ledger = await probe.query<{ id: number }>("SELECT id FROM schema_migrations ORDER BY id");
    await probe.close();
    await store.countDeliveries();
    await store.close();

    expect(rows).toEqual([{ schema, timeout: "4321ms" }]);
    expect(ledger.rows.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it("lets several processes create and migrate one missing schema at the same time", async () => {
    const schema = uniqueName("dbot_race");
    schemas.push(schema);

    const stores = await Promise.all(
      Array.from({ length: 5 }, () => createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 2 })),
    );
    await Promise.all(stores.map((store) => store.countDeliveries()));
    await Promise.all(stores.map((store) => store.close()));
    const { rows } = await admin((c) =>
      c.query<{ id: number }>(`SELECT id FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY id`),
    );

    expect(rows.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it("closes its pool when the migrations fail", async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    await admin((c) => c.query(`CREATE TABLE ${pg.escapeIdentifier(schema)}.deliveries (unexpected integer)`));
    const applicationName = uniqueName("dbot_failing");

    const failure = await createPostgresStore({
      connectionString: urlWith({ application_name: applicationName }),
      schema,
    }).catch((error: unknown) => error);
    await eventually(async () => (await connectionsOf(applicationName)) === 0, "the pool's connections are gone");

    expect(failure).toMatchObject({ message: 'relation "deliveries" already exists' });
  });

  it("refuses a schema name PostgreSQL would truncate", async () => {
    await expect(createPostgresStore({ connectionString: TEST_DATABASE_URL, schema: "s".repeat(64) })).rejects.toThrow(
      "Schema name must be 1 to 63 bytes",
    );
  });
});
