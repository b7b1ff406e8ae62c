import pg from "pg";
import { TEST_DATABASE_URL } from "../store/postgres-test-database.js";

/** What the app instances left in their shared schema. */
export interface DatabaseSnapshot {
  /** Delivery ids by queue status (`done`, `queued`, `running`, `parked`). */
  readonly deliveries: Readonly<Record<string, readonly string[]>>;
  /** Recorded deployments: GitHub id and `repo-id environment sha`. */
  readonly deployments: readonly { readonly id: number; readonly key: string }[];
  /**
   * Claims still intents (never settled) with no deployment recorded for them, as `repo-id environment sha`:
   * what a process that died between claiming and recording left, and nobody reconciled.
   */
  readonly openIntents: readonly string[];
  /** Claims never settled, whether or not their deployment was recorded. */
  readonly unsettledClaims: number;
  /** Decisions by reason code. */
  readonly decisions: Readonly<Record<string, number>>;
}

/** Reads the deliveries, deployments, claims and decisions of a test schema. */
export async function readDatabase(schema: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const table = (name: string) => `${pg.escapeIdentifier(schema)}.${name}`;
    const deliveryRows = await client.query<{ id: string; status: string }>(`SELECT id, status FROM ${table("deliveries")}`);
    const deliveries: Record<string, string[]> = {};
    for (const row of deliveryRows.rows) (deliveries[row.status] ??= []).push(row.id);
    const deployments = await client.query<{ id: string; key: string }>(
      `SELECT id::text AS id, repo_id || ' ' || environment || ' ' || sha AS key FROM ${table("deployments")}`,
    );
    const claims = await client.query<{ key: string; recorded: boolean }>(
      `SELECT c.repo_id || ' ' || c.environment || ' ' || c.sha AS key,
              EXISTS (SELECT 1 FROM ${table("deployments")} d
                      WHERE d.repo_id = c.repo_id AND d.environment = c.environment AND d.sha = c.sha) AS recorded
       FROM ${table("deploy_claims")} c WHERE c.settled_at IS NULL`,
    );
    const reasons = await client.query<{ reason: string; n: number }>(
      `SELECT reason, count(*)::int AS n FROM ${table("decisions")} GROUP BY reason`,
    );
    return {
      deliveries,
      deployments: deployments.rows.map((row) => ({ id: Number(row.id), key: row.key })),
      openIntents: claims.rows.filter((row) => !row.recorded).map((row) => row.key),
      unsettledClaims: claims.rows.length,
      decisions: Object.fromEntries(reasons.rows.map((row) => [row.reason, row.n])),
    };
  } finally {
    await client.end();
  }
}
