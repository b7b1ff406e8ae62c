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

/** What a listener on a notification channel is told. */
export interface ChannelListener {
  /** A `NOTIFY` on the channel, with its payload. */
  notify(payload: string): void;
  /** Listening (again, after `lost`): from now on every notification arrives. */
  listening(): void;
  /** Notifications may have been missed (the listening connection dropped); listening resumes by itself. */
  lost(): void;
}

/** A connection (or pool) that can also run a transaction, listen to notifications, and be closed. */
export interface SqlClient extends SqlExecutor {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * `LISTEN`s to `channel` until the function it resolves with is called. Absent on a bare client
   * (tests hand the store a raw PGlite): nothing is then listened to.
   */
  listenTo?(channel: string, listener: ChannelListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
