import { MIGRATIONS, type Migration } from "./migrations.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";

/** Arbitrary constant that serialises migration runs of every process sharing the database. */
const MIGRATION_LOCK_KEY = 7_201_905_118;

const createLedger = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  id         integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function lockAndReadApplied(tx: SqlExecutor): Promise<Set<number>> {
  // The lock comes first: concurrent CREATE TABLE IF NOT EXISTS can itself fail on a server.
  await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
  await tx.query(createLedger);
  const { rows } = await tx.query<{ id: number }>("SELECT id FROM schema_migrations");
  return new Set(rows.map((row) => row.id));
}

/**
 * Applies the migrations not applied yet, in id order, each in its own transaction. Safe to call
 * on every start and from several processes at once. Returns the ids it applied.
 */
export async function runMigrations(db: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.id - b.id);
  const known = await db.transaction(lockAndReadApplied);
  const applied: number[] = [];
  for (const migration of ordered) {
    if (known.has(migration.id)) continue;
    // Checked again under the lock: another process may have applied it meanwhile.
    const didApply = await db.transaction(async (tx) => {
      const done = await lockAndReadApplied(tx);
      if (done.has(migration.id)) return false;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [migration.id, migration.name]);
      return true;
    });
    if (didApply) applied.push(migration.id);
  }
  return applied;
}
