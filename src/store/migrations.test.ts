import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deployClaim, newHook, sha, uniqueHookId } from "../../test/store/store-fixtures.js";
import { MIGRATIONS } from "./migrations.js";
import { runMigrations } from "./run-migrations.js";
import { createSqlStore } from "./sql-store.js";

describe("migration 2 (claims by kind, locks, command replies, pull request heads)", () => {
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "deliverybot-migrations-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("upgrades a database created by migration 1, keeping its claims as auto claims", async () => {
    const repoId = 5_000_000_002;
    const v1 = await PGlite.create({ dataDir });
    const appliedFirst = await runMigrations(v1, MIGRATIONS.slice(0, 1));
    await v1.query(
      `INSERT INTO deploy_claims (repo_id, environment, sha, target, ref, pr, transient)
       VALUES ($1, 'production', $2, 'production', 'refs/heads/main', NULL, false)`,
      [repoId, sha("a")],
    );
    await v1.close();

    const db = await PGlite.create({ dataDir });
    const appliedThen = await runMigrations(db, MIGRATIONS.slice(0, 2));
    const { rows } = await db.query<{ via: string }>("SELECT via FROM deploy_claims WHERE repo_id = $1", [repoId]);
    const store = createSqlStore(db);
    const deployed = await store.isDeployed(repoId, "production", sha("a"));
    const autoAgain = await store.claimDeployment(deployClaim(repoId));
    const byComment = await store.claimDeployment(deployClaim(repoId, { via: "comment:6000000001" }));
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
    expect(appliedThen).toEqual([2]);
    expect(rows).toEqual([{ via: "auto" }]);
    expect([deployed, autoAgain, byComment, lock.acquired]).toEqual([true, false, true, true]);
  });
});

describe("migration 3 (inbound deploy hooks, hook claims)", () => {
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "deliverybot-migrations-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("upgrades a database at migration 2, keeping its auto and command claims and their rules", async () => {
    const repoId = 5_000_000_003;
    const before = await PGlite.create({ dataDir });
    const appliedFirst = await runMigrations(before, MIGRATIONS.slice(0, 2));
    const old = createSqlStore(before);
    await old.claimDeployment(deployClaim(repoId));
    await old.claimDeployment(deployClaim(repoId, { via: "comment:6000000001" }));
    await old.close();

    const db = await PGlite.create({ dataDir });
    const appliedThen = await runMigrations(db, MIGRATIONS.slice(0, 3));
    const store = createSqlStore(db);
    const kept = await db.query<{ via: string }>("SELECT via FROM deploy_claims WHERE repo_id = $1 ORDER BY via", [repoId]);
    const autoAgain = await store.claimDeployment(deployClaim(repoId));
    const commentAgain = await store.claimDeployment(deployClaim(repoId, { via: "comment:6000000001" }));
    const byHook = await store.claimDeployment(deployClaim(repoId, { via: `hook:${uniqueHookId()}:1` }));
    const hook = await store.createHook(newHook(repoId), new Date());
    const badVia = await store.claimDeployment(deployClaim(repoId, { via: "webhook:1" })).then(
      () => "accepted",
      () => "rejected",
    );
    await store.close();

    expect(appliedFirst).toEqual([1, 2]);
    expect(appliedThen).toEqual([3]);
    expect(kept.rows).toEqual([{ via: "auto" }, { via: "comment:6000000001" }]);
    expect([autoAgain, commentAgain, byHook]).toEqual([false, false, true]);
    expect(badVia).toBe("rejected");
    expect(hook.revokedAt).toBeNull();
  });
});

describe("migration 4 (admin deploy claims)", () => {
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "deliverybot-migrations-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("upgrades a database at migration 3, keeping its claims and accepting admin claims once per request", async () => {
    const repoId = 5_000_000_004;
    const hookVia = `hook:${uniqueHookId()}:build-1`;
    const before = await PGlite.create({ dataDir });
    const appliedFirst = await runMigrations(before, MIGRATIONS.slice(0, 3));
    const old = createSqlStore(before);
    await old.claimDeployment(deployClaim(repoId));
    await old.claimDeployment(deployClaim(repoId, { via: hookVia }));
    const adminBefore = await old.claimDeployment(deployClaim(repoId, { via: "admin:build-1" })).then(
      () => "accepted",
      () => "rejected",
    );
    await old.close();

    const db = await PGlite.create({ dataDir });
    const appliedThen = await runMigrations(db);
    const store = createSqlStore(db);
    const kept = await db.query<{ via: string }>("SELECT via FROM deploy_claims WHERE repo_id = $1 ORDER BY via", [repoId]);
    const hookAgain = await store.claimDeployment(deployClaim(repoId, { via: hookVia, sha: sha("b") }));
    const byAdmin = await store.claimDeployment(deployClaim(repoId, { via: "admin:build-1" }));
    const adminAgain = await store.claimDeployment(deployClaim(repoId, { via: "admin:build-1", sha: sha("b") }));
    await store.close();

    expect(appliedFirst).toEqual([1, 2, 3]);
    expect(adminBefore).toBe("rejected");
    expect(appliedThen).toEqual([4]);
    expect(kept.rows).toEqual([{ via: "auto" }, { via: hookVia }]);
    expect([hookAgain, byAdmin, adminAgain]).toEqual([false, true, false]);
  });
});
