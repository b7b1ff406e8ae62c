import pg from "pg";

const INT8 = 20;
// Typed `number`: pg-types' TypeId enum lists no array types.
const INT8_ARRAY: number = 1016;

type Int8Value = number | bigint | null;
type Int8Items = (Int8Value | Int8Items)[];

/** An int8 as PGlite reads it: a number while exact, a bigint beyond 2^53 (which `toNumber` then refuses). */
function parseInt8(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

function parseInt8Items(items: unknown[]): Int8Items {
  return items.map((item) => {
    if (item === null) return null;
    return Array.isArray(item) ? parseInt8Items(item) : parseInt8(String(item));
  });
}

/**
 * Type parsers for one pool, so node-postgres returns the JS types PGlite does: `bigint` (int8) and
 * `bigint[]` as numbers instead of strings. Per pool on purpose: `pg.types.setTypeParser` would change
 * every other user of `pg` in the process.
 */
export function createTypeParsers(): pg.CustomTypesConfig {
  const parsers = new pg.TypeOverrides();
  // The stock array parser splits the literal (nesting, NULL) and leaves each entry a string.
  const splitInt8Array = (text: string): unknown[] => pg.types.getTypeParser(INT8_ARRAY, "text")(text);
  parsers.setTypeParser(INT8, "text", parseInt8);
  parsers.setTypeParser(INT8_ARRAY, "text", (text) => parseInt8Items(splitInt8Array(text)));
  return parsers;
}
