import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createPostgresClient } from "../../src/store/create-postgres-store.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { runMigrations } from "../../src/store/run-migrations.js";
import type { SqlClient } from "../../src/store/sql-client.js";
import { createSqlStore } from "../../src/store/sql-store.js";
import { createTestSchema, dropTestSchema, TEST_DATABASE_URL } from "./postgres-test-database.js";
import { decisionRecord, deployClaim, hasClaimOrDeployment, newHook, sha, tryClaim, uniqueHookId } from "./store-fixtures.js";

/** An empty database of one backend, opened as often as a test needs. */
interface TestDatabase {
  /** A new client on it. PGlite allows one at a time: close it before opening the next. */
  open(): Promise<SqlClient>;
  /**
   * `count` clients to migrate it at the same time: a pool each on a server, like separate
   * processes; PGlite (one process per directory) shares one instance among them.
   */
  openRunners(count: number): Promise<{ runners: SqlClient[]; close(): Promise<void> }>;
  remove(): Promise<void>;
}

/** Remembers a client so a failed test cannot leave it open. */
function tracked(opened: SqlClient[], client: SqlClient): SqlClient {
  opened.push(client);
  return client;
}

/** Closes what a test left open; closing an already closed client may throw, which is fine here. */
async function closeAll(opened: SqlClient[]): Promise<void> {
  await Promise.allSettled(opened.map((client) => client.close()));
}

interface Backend {
  readonly name: string;
  create(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: "PGlite",
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), "deliverybot-migrations-"));
    const opened: SqlClient[] = [];
    const open = async (): Promise<SqlClient> => tracked(opened, await PGlite.create({ dataDir }));
    return {
      open,
      async openRunners(count) {
        const db = await open();
        return { runners: Array.from({ length: count }, () => db), close: () => db.close() };
      },
      async remove() {
        await closeAll(opened);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  name: "PostgreSQL",
  async create() {
    const schema = await createTestSchema();
    const opened: SqlClient[] = [];
    const open = async (): Promise<SqlClient> =>
      tracked(opened, createPostgresClient({ connectionString: TEST_DATABASE_URL, schema, poolSize: 2 }));
    return {
      open,
      async openRunners(count) {
        const runners = await Promise.all(Array.from({ length: count }, open));
        return { runners, close: async () => void (await Promise.all(runners.map((runner) => runner.close()))) };
      },
      async remove() {
        await closeAll(opened);
        await dropTestSchema(schema);
      },
    };
  },
};

const allIds = MIGRATIONS.map((migration) => migration.id);

const decision = decisionRecord(5_000_000_010);

async function ledgerOf(db: SqlClient): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>("SELECT id FROM schema_migrations ORDER BY id");
  return rows.map((row) => row.id);
}

describe.each([pglite, postgres])("migrations on $name", (backend) => {
  let database: TestDatabase | undefined;
  const fresh = (): TestDatabase => {
    if (database === undefined) throw new Error("no database; see the beforeEach error");
    return database;
  };
  beforeEach(async () => {
    database = await backend.create();
  });
  afterEach(async () => {
    await database?.remove();
    database = undefined;
  });

  it("applies every migration to a fresh database, in order, and the store works on it", async () => {
    const db = await fresh().open();
    const applied = await runMigrations(db);
    const ledger = await ledgerOf(db);
    const store = createSqlStore(db);
    await store.recordDecision(decision);
    const listed = await store.listDecisions(decision.repoId);
    await store.close();

    expect(applied).toEqual(allIds);
    expect(ledger).toEqual(allIds);
    expect(listed).toEqual([decision]);
  });

  it("applies nothing when run again, on the same client or after reopening", async () => {
    const first = await fresh().open();
    await runMigrations(first);
    const again = await runMigrations(first);
    await first.close();
    const reopened = await fresh().open();
    const afterReopen = await runMigrations(reopened);
    const ledger = await ledgerOf(reopened);
    await reopened.close();

    expect([again, afterReopen]).toEqual([[], []]);
    expect(ledger).toEqual(allIds);
  });

  it("applies each migration exactly once when several runners start on a fresh database at once", async () => {
    const { runners, close } = await fresh().openRunners(6);
    const results = await Promise.all(runners.map((runner) => runMigrations(runner)));
    const ledger = await ledgerOf(runners[0] as SqlClient);
    const again = await runMigrations(runners[0] as SqlClient);
    await close();

    expect(results.flat().sort((a, b) => a - b)).toEqual(allIds);
    expect(ledger).toEqual(allIds);
    expect(again).toEqual([]);
  });

  it("upgrades a database created by migration 1, keeping its claims as auto claims", async () => {
    const repoId = 5_000_000_002;
    const v1 = await fresh().open();
    const appliedFirst = await runMigrations(v1, MIGRATIONS.slice(0, 1));
    await v1.query(
      `INSERT INTO deploy_claims (repo_id, environment, sha, target, ref, pr, transient)
       VALUES ($1, 'production', $2, 'production', 'refs/heads/main', NULL, false)`,
      [repoId, sha("a")],
    );
    await v1.close();

    const db = await fresh().open();
    const appliedThen = await runMigrations(db);
    const { rows } = await db.query<{ via: string }>("SELECT via FROM deploy_claims WHERE repo_id = $1", [repoId]);
    const store = createSqlStore(db);
    const deployed = await hasClaimOrDeployment(store, repoId, "production", sha("a"));
    const autoAgain = await tryClaim(store, deployClaim(repoId));
    const byComment = await tryClaim(store, deployClaim(repoId, { via: "comment:6000000001" }));
    const lock = await store.acquireLock(
      {
        repoId,
        environment: "*",
        target: null,
        owner: "octocat",
        pr: null,
        reason: null,
        createdAt: new Date(),
        expiresAt: null,
      },
      new Date(),
    );
    await store.close();

    expect(appliedFirst).toEqual([1]);
    expect(appliedThen).toEqual(allIds.slice(1));
    expect(rows).toEqual([{ via: "auto" }]);
    expect([deployed, autoAgain, byComment, lock.acquired]).toEqual([true, false, true, true]);
  });

  it("upgrades a database at migration 2, keeping its auto and command claims and their rules", async () => {
    const repoId = 5_000_000_003;
    const before = await fresh().open();
    const appliedFirst = await runMigrations(before, MIGRATIONS.slice(0, 2));
    const old = createSqlStore(before);
    await tryClaim(old, deployClaim(repoId));
    await tryClaim(old, deployClaim(repoId, { via: "comment:6000000001" }));
    await old.close();

    const db = await fresh().open();
    const appliedThen = await runMigrations(db);
    const store = createSqlStore(db);
    const kept = await db.query<{ via: string }>("SELECT via FROM deploy_claims WHERE repo_id = $1 ORDER BY via", [repoId]);
    const autoAgain = await tryClaim(store, deployClaim(repoId));
    const commentAgain = await tryClaim(store, deployClaim(repoId, { via: "comment:6000000001" }));
    const byHook = await tryClaim(store, deployClaim(repoId, { via: `hook:${uniqueHookId()}:1` }));
    const hook = await store.createHook(newHook(repoId), new Date());
    const badVia = await tryClaim(store, deployClaim(repoId, { via: "webhook:1" })).then(
      () => "accepted",
      () => "rejected",
    );
    await store.close();

    expect(appliedFirst).toEqual([1, 2]);
    expect(appliedThen).toEqual(allIds.slice(2));
    expect(kept.rows).toEqual([{ via: "auto" }, { via: "comment:6000000001" }]);
    expect([autoAgain, commentAgain, byHook]).toEqual([false, false, true]);
    expect(badVia).toBe("rejected");
    expect(hook.revokedAt).toBeNull();
  });

  it("upgrades a database at migration 3, keeping its claims and accepting admin claims once per request", async () => {
    const repoId = 5_000_000_004;
    const hookVia = `hook:${uniqueHookId()}:build-1`;
    const before = await fresh().open();
    const appliedFirst = await runMigrations(before, MIGRATIONS.slice(0, 3));
    const old = createSqlStore(before);
    await tryClaim(old, deployClaim(repoId));
    await tryClaim(old, deployClaim(repoId, { via: hookVia }));
    const adminBefore = await tryClaim(old, deployClaim(repoId, { via: "admin:build-1" })).then(
      () => "accepted",
      () => "rejected",
    );
    await old.close();

    const db = await fresh().open();
    const appliedThen = await runMigrations(db);
    const store = createSqlStore(db);
    const kept = await db.query<{ via: string }>("SELECT via FROM deploy_claims WHERE repo_id = $1 ORDER BY via", [repoId]);
    const hookAgain = await tryClaim(store, deployClaim(repoId, { via: hookVia, sha: sha("b") }));
    const byAdmin = await tryClaim(store, deployClaim(repoId, { via: "admin:build-1" }));
    const adminAgain = await tryClaim(store, deployClaim(repoId, { via: "admin:build-1", sha: sha("b") }));
    await store.close();

    expect(appliedFirst).toEqual([1, 2, 3]);
    expect(adminBefore).toBe("rejected");
    expect(appliedThen).toEqual(allIds.slice(3));
    expect(kept.rows).toEqual([{ via: "auto" }, { via: hookVia }]);
    expect([hookAgain, byAdmin, adminAgain]).toEqual([false, true, false]);
  });

  it("upgrades a database at migration 4 to the queue: unfinished deliveries are parked, claims count as settled", async () => {
    const repoId = 5_000_000_005;
    const before = await fresh().open();
    await runMigrations(before, MIGRATIONS.slice(0, 4));
    await before.query(
      `INSERT INTO deliveries (id, event, action, status, error) VALUES
         ('m4-done', 'push', NULL, 'done', NULL),
         ('m4-failed', 'status', NULL, 'failed', 'GitHub answered 502'),
         ('m4-processing', 'check_run', 'completed', 'processing', NULL)`,
    );
    await tryClaim(createSqlStore(before), deployClaim(repoId));
    await before.close();

    const db = await fresh().open();
    const appliedThen = await runMigrations(db);
    const store = createSqlStore(db);
    const listed = await store.listDeliveries({ statuses: ["parked", "queued", "running"], limit: 1000 });
    const done = await db.query<{ status: string }>("SELECT status FROM deliveries WHERE id = 'm4-done'");
    const muchLater = new Date(Date.now() + 24 * 3_600_000);
    const autoAgain = await store.claimDeployment(deployClaim(repoId), muchLater, 30_000);
    const claimable = await store.claimDelivery(muchLater, 30_000);
    await store.close();

    expect(appliedThen).toEqual(allIds.slice(4));
    expect(done.rows).toEqual([{ status: "done" }]);
    expect(listed.map((d) => [d.id, d.status, d.error]).sort()).toEqual([
      ["m4-failed", "parked", "GitHub answered 502"],
      ["m4-processing", "parked", "received before the durable queue; redeliver it from GitHub to process it"],
    ]);
    expect(autoAgain).toEqual({ kind: "taken" });
    expect(claimable).toBeUndefined();
  });
});
