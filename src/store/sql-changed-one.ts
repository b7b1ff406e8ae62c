import type { SqlExecutor } from "./sql-client.js";

/**
 * Runs an `UPDATE … WHERE id = … AND claim_token = …` of a leased queue row (deliveries,
 * notifications) and says whether it changed the row: false when the claim was lost.
 */
export async function changedOne(db: SqlExecutor, sql: string, params: unknown[]): Promise<boolean> {
  const { rows } = await db.query(`${sql} RETURNING id`, params);
  return rows.length === 1;
}

/** A listing's `limit` as a whole number from 0 to `max`; anything not finite lists nothing. */
export function clampLimit(limit: number, max: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.min(max, Math.floor(limit))) : 0;
}
