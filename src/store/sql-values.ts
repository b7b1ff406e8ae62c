/** How a `bigint` column arrives: PGlite gives numbers, node-postgres gives strings. */
export type SqlBigint = number | bigint | string;

/** Reads a `bigint` column as a JS number; GitHub ids stay below 2^53, anything else is a bug. */
export function toNumber(value: SqlBigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new Error(`Expected a safe integer from the database, got ${String(value)}`);
  }
  return result;
}

/** Reads a nullable `bigint` column. */
export function toNumberOrNull(value: SqlBigint | null): number | null {
  return value === null ? null : toNumber(value);
}

/** Reads a `timestamptz` column (a Date from both drivers; a string only with custom type parsers). */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Reads a nullable `timestamptz` column. */
export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}
