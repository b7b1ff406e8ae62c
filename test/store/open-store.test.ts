import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import pg from "pg";
import { createTestSchema, dropTestSchema, TEST_DATABASE_URL } from "./postgres-test-database.js";
import { openStore } from "../../src/store/open-store.js";
import { decisionRecord } from "./store-fixtures.js";

const decision = decisionRecord(5_000_000_020);

/** A local port nothing listens on (it was free a moment ago). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** TEST_DATABASE_URL changed by `edit`. */
function testUrl(edit: (url: URL) => void): string {
  const url = new URL(TEST_DATABASE_URL);
  edit(url);
  return url.href;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error(`Expected an Error, got ${String(outcome)}`);
  return outcome;
}

describe("openStore with the embedded database", () => {
  let cwd = "";
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), "deliverybot-open-store-"));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it("opens DATA_DIR relative to the working directory and reports that directory", async () => {
    const opened = await openStore({ DATA_DIR: "state/db" }, cwd);
    await opened.store.recordDecision(decision);
    const listed = await opened.store.listDecisions(decision.repoId);
    await opened.store.close();

    expect([opened.backend, opened.location]).toEqual(["pglite", join(cwd, "state/db")]);
    expect(listed).toEqual([decision]);
    expect(existsSync(join(cwd, "state/db", "PG_VERSION"))).toBe(true);
  });

  it("uses ./.data without DATA_DIR, and with an empty DATABASE_URL", async () => {
    const opened = await openStore({ DATABASE_URL: " ", DATA_DIR: "" }, cwd);
    await opened.store.close();

    expect([opened.backend, opened.location]).toEqual(["pglite", join(cwd, ".data")]);
  });

  it("says which directory failed and what to check", async () => {
    const blocked = join(cwd, "a-file");
    await writeFile(blocked, "not a directory");
    const error = await failureOf(openStore({ DATA_DIR: blocked }, cwd));

    expect(error.message).toContain(`Cannot open the embedded database in ${blocked} (DATA_DIR): `);
    expect(error.message).toContain("Check that the directory is writable");
  });
});

describe("openStore with PostgreSQL", () => {
  let schema = "";
  beforeAll(async () => {
    schema = await createTestSchema();
  });
  afterAll(async () => {
    await dropTestSchema(schema);
  });

  it("opens the server DATABASE_URL names, ignores DATA_DIR and reports the URL without its password", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "deliverybot-open-store-"));
    const url = testUrl((u) => {
      if (u.password === "") u.password = "s3cret";
      u.searchParams.set("options", `-c search_path=${schema}`);
    });
    const opened = await openStore({ DATABASE_URL: url, DATA_DIR: "ignored", DATABASE_POOL_SIZE: "3" }, cwd);
    await opened.store.recordDecision(decision);
    const listed = await opened.store.listDecisions(decision.repoId);
    await opened.store.close();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const tables = await admin.query("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'decisions'", [schema]);
    await admin.end();
    const dataDirMade = existsSync(join(cwd, "ignored"));
    await rm(cwd, { recursive: true, force: true });

    expect(opened.backend).toBe("postgres");
    expect(opened.location).toBe(
      testUrl((u) => {
        u.password = "***";
        u.searchParams.set("options", `-c search_path=${schema}`);
      }),
    );
    expect(opened.location).not.toContain(new URL(url).password);
    expect(listed).toEqual([decision]);
    expect(tables.rows).toHaveLength(1);
    expect(dataDirMade).toBe(false);
  });

  it("says where nothing listens and what to check, without the password", async () => {
    const port = await freePort();
    const url = `postgres://postgres:hunter2@127.0.0.1:${port}/test`;
    const error = await failureOf(openStore({ DATABASE_URL: url }));

    expect(error.message).toBe(
      `Cannot open the store on PostgreSQL at 127.0.0.1:${port} (DATABASE_URL=postgres://postgres:***@127.0.0.1:${port}/test): ` +
        `connection refused. Is PostgreSQL running and listening on 127.0.0.1:${port}? Check the host and port in DATABASE_URL.`,
    );
    expect(error.cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("says which database is missing and how to create it", async () => {
    const url = testUrl((u) => {
      u.pathname = "/no_such_database_for_deliverybot";
    });
    const error = await failureOf(openStore({ DATABASE_URL: url }));

    expect(error.message).toContain('database "no_such_database_for_deliverybot" does not exist. Create it (createdb -h ');
    expect(error.message).toContain("or fix the database name in DATABASE_URL.");
  });

  it("says which user the server refused", async () => {
    const url = testUrl((u) => {
      u.username = "no_such_user_for_deliverybot";
    });
    const error = await failureOf(openStore({ DATABASE_URL: url }));

    expect(error.message).toContain('the server refused user "no_such_user_for_deliverybot"');
    expect(error.message).toContain("Check the user and password in DATABASE_URL, and pg_hba.conf.");
  });

  it("says when the host name does not resolve", async () => {
    const error = await failureOf(openStore({ DATABASE_URL: "postgres://postgres@no-such-host.invalid:5432/test" }));

    expect(error.message).toContain(
      'at no-such-host.invalid:5432 (DATABASE_URL=postgres://postgres@no-such-host.invalid:5432/test): the host name "no-such-host.invalid" could not be resolved',
    );
  });

  it.each([
    [
      "not a URL",
      "db.example.com/app",
      "DATABASE_URL is not a valid URL (db.example.com/app); expected postgres://user:password@host:5432/database",
    ],
    [
      "a host and port without scheme",
      "db.example.com:5432/app",
      "DATABASE_URL must be a postgres:// or postgresql:// URL, got db.example.com:5432/app (",
    ],
    [
      "a URL without scheme",
      "app:hunter2@db:5432/app",
      "DATABASE_URL must be a postgres:// or postgresql:// URL, got app:***@db:5432/app (",
    ],
    [
      "a broken URL with a password",
      "postgres://app:hunter2@db:port/app",
      "DATABASE_URL is not a valid URL (postgres://app:***@db:port/app)",
    ],
    [
      "another database's URL",
      "mysql://app:hunter2@db/app",
      "DATABASE_URL must be a postgres:// or postgresql:// URL, got mysql://app:***@db/app (",
    ],
  ])("refuses %s before connecting, never showing a password", async (_, url, message) => {
    const error = await failureOf(openStore({ DATABASE_URL: url }));

    expect(error.message).toContain(message);
    expect(error.message).not.toContain("hunter2");
  });

  it.each(["0", "ten", "-1", "2.5"])("refuses DATABASE_POOL_SIZE=%s", async (size) => {
    const error = await failureOf(openStore({ DATABASE_URL: TEST_DATABASE_URL, DATABASE_POOL_SIZE: size }));

    expect(error.message).toBe(`DATABASE_POOL_SIZE must be a whole number of at least 1, got "${size}"`);
  });
});
