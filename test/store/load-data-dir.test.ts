import { describe, expect, it } from "@jest/globals";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { runMigrations } from "../../src/store/run-migrations.js";
import { createSqlStore } from "../../src/store/sql-store.js";
import { dumpDatabase } from "../helpers/pglite-template.js";
import { decisionRecord, enqueueOne, uniqueDeliveryId, uniqueRepoId } from "./store-fixtures.js";

// The end-to-end tests start their stores from a migrated template this way (test/helpers/pglite-template.ts).
describe("createPgliteStore({ loadDataDir })", () => {
  it("starts the in-memory database from the archive: what the dumped database held is there", async () => {
    const decision = decisionRecord(uniqueRepoId());
    const dump = await dumpDatabase(async (db) => {
      await runMigrations(db);
      await createSqlStore(db).recordDecision(decision);
    });

    const store = await createPgliteStore({ loadDataDir: dump });
    const listed = await store.listDecisions(decision.repoId);
    await store.close();

    expect(listed).toEqual([decision]);
  });

  it("still runs the migrations: an archive made before the durable queue comes out with it", async () => {
    const dump = await dumpDatabase((db) =>
      runMigrations(
        db,
        MIGRATIONS.filter((m) => m.id < 5),
      ),
    );
    const delivery = {
      id: uniqueDeliveryId(),
      event: "status",
      action: null,
      repoId: uniqueRepoId(),
      installationId: 1,
      payload: "{}",
    };
    const now = new Date();

    const store = await createPgliteStore({ loadDataDir: dump });
    const outcome = await enqueueOne(store, delivery, now);
    const claimed = await store.claimDelivery(now, 30_000);
    await store.close();

    expect(outcome).toBe("queued");
    expect(claimed).toMatchObject({ id: delivery.id, event: "status", repoId: delivery.repoId });
  });
});
