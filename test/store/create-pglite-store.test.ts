import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { runMigrations } from "../../src/store/run-migrations.js";
import { decisionRecord } from "./store-fixtures.js";

describe("createPgliteStore with a data directory", () => {
  let dataDir = "";
  const decision = decisionRecord(5_000_000_001);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "deliverybot-store-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps data across a close and reopen, and migrates only once", async () => {
    const first = await createPgliteStore({ dataDir });
    await first.recordDecision(decision);
    await first.close();

    const db = await PGlite.create({ dataDir });
    const concurrentRuns = await Promise.all([runMigrations(db), runMigrations(db)]);
    const ledger = await db.query<{ id: number }>("SELECT id FROM schema_migrations ORDER BY id");
    await db.close();
    const reopened = await createPgliteStore({ dataDir });
    const listed = await reopened.listDecisions(decision.repoId);
    await reopened.close();

    expect(concurrentRuns).toEqual([[], []]);
    expect(ledger.rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(listed).toEqual([decision]);
  });
});

describe("runMigrations", () => {
  it("applies each migration once when started twice at the same time, then nothing", async () => {
    const db = await PGlite.create();

    const concurrent = await Promise.all([runMigrations(db), runMigrations(db)]);
    const again = await runMigrations(db);
    await db.close();

    expect(concurrent.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(again).toEqual([]);
  });
});
