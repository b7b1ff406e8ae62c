/**
 * An inbound deploy hook: who may call `POST /hooks/deploy/<id>` for one repository. The token
 * itself is never stored, only its SHA-256.
 */
export interface HookRecord {
  /** Random and URL-safe: the public part of the hook's URL. */
  readonly id: string;
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  /** The installation whose token the hook's GitHub calls use. */
  readonly installationId: number;
  /** What targets list in their `hooks`. Several hooks may share a name (a token being rotated). */
  readonly name: string;
  /** Lower-case hex SHA-256 of the token. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  /** null while the hook may be used. */
  readonly revokedAt: Date | null;
}

/** What creating a hook stores: the id and token hash come from the caller (the store generates nothing). */
export type NewHook = Omit<HookRecord, "createdAt" | "revokedAt">;

/** Inbound deploy hooks. */
export interface HookStore {
  /** Stores a new hook, created at `now`; throws when the id is taken. */
  createHook(hook: NewHook, now: Date): Promise<HookRecord>;
  /** The hook with that id, revoked ones included (see `revokedAt`). */
  findHook(id: string): Promise<HookRecord | undefined>;
  /** Hooks of one repository, or of all, revoked ones included; oldest first. */
  listHooks(repoId?: number): Promise<HookRecord[]>;
  /** Revokes a hook at `now`; false when there is no such hook or it was revoked already (its time stays). */
  revokeHook(id: string, now: Date): Promise<boolean>;
}
