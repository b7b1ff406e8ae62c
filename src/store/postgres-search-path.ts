import pg from "pg";

/** PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 bytes). */
const MAX_IDENTIFIER_BYTES = 63;

/** Throws when `schema` cannot be a schema name as is (empty, or longer than PostgreSQL keeps). */
export function checkSchemaName(schema: string): void {
  const bytes = Buffer.byteLength(schema, "utf8");
  if (bytes === 0 || bytes > MAX_IDENTIFIER_BYTES || schema.includes("\0")) {
    throw new Error(
      `Schema name must be 1 to ${MAX_IDENTIFIER_BYTES} bytes without NUL characters, got ${JSON.stringify(schema)}`,
    );
  }
}

/**
 * The startup option `-c search_path=<schema>`, quoted for PostgreSQL (the identifier) and for the
 * options parser (backslash-escaped whitespace and backslashes), so any schema name survives.
 */
export function searchPathOption(schema: string): string {
  checkSchemaName(schema);
  const value = pg.escapeIdentifier(schema).replace(/[\\\s]/g, (character) => `\\${character}`);
  return `-c search_path=${value}`;
}

/**
 * The connection URL with `options` extended by {@link searchPathOption}, so every connection of
 * a pool uses the schema from its first statement on. The URL is changed rather than passed as the
 * `options` setting because node-postgres lets a URL's own `options` replace that setting; options
 * the URL already had are kept, the search path comes last and wins.
 */
export function withSearchPath(connectionString: string, schema: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new Error("A schema can only be set on a connection URL (postgres://…)");
  }
  const existing = url.searchParams.get("options");
  const option = searchPathOption(schema);
  url.searchParams.set("options", existing === null || existing.trim() === "" ? option : `${existing} ${option}`);
  return url.href;
}
