/**
 * The little SQL surface the store needs. PGlite satisfies it as is; a node-postgres backend only
 * wraps a pool (`exec` → `client.query(sql)`, `transaction` → BEGIN/COMMIT on one checked-out client,
 * `close` → `pool.end()`).
 */
export interface SqlExecutor {
  /** One parameterised statement ($1, $2…). */
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<unknown>;
}

/** A connection (or pool) that can also run a transaction and be closed. */
export interface SqlClient extends SqlExecutor {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
