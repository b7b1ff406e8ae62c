/** A dashboard sign-in: who, and their GitHub user token, sealed by the dashboard (never in clear here). */
export interface SessionRecord {
  /** Random; the cookie carries it (sealed), never the token. */
  readonly id: string;
  readonly login: string;
  readonly userId: number;
  readonly tokenSealed: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Dashboard sessions, shared by every instance. */
export interface SessionStore {
  createSession(session: SessionRecord): Promise<void>;
  /** The session with that id while it has not expired at `now`. */
  findSession(id: string, now: Date): Promise<SessionRecord | undefined>;
  /** Ends a session (sign-out); ending it again changes nothing. */
  deleteSession(id: string): Promise<void>;
  /** Deletes up to `limit` sessions expired before `now`; returns how many. */
  pruneSessions(now: Date, limit: number): Promise<number>;
}
