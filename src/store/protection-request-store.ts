import type { ProtectionRequestFacts } from "../domain/event-facts.js";

/** A deployment protection rule request waiting for its answer, with what the sweep needs to take it up again. */
export interface ProtectionRequestRecord extends ProtectionRequestFacts {
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  readonly installationId: number;
  /** When GitHub asked (by the app's clock): it gives up on a request 30 days later. */
  readonly requestedAt: Date;
  /** The hold it was last told (reason code and sentence), so an unchanged hold is not told again; null before. */
  readonly reason: string | null;
  readonly message: string | null;
  /** When to decide it again without an event (a freeze's end, or a retry after GitHub failed); null: on the next event. */
  readonly wakeAt: Date | null;
}

/** Which request: a run asks once per environment. */
export interface ProtectionRequestKey {
  readonly repoId: number;
  readonly runId: number;
  readonly environment: string;
}

/** Deployment protection rule requests Deliverybot holds until a lock, a freeze or checks let them through. */
export interface ProtectionRequestStore {
  /** Keeps a request; the same run and environment asking again (a re-run) starts over with this record. */
  saveProtectionRequest(request: ProtectionRequestRecord): Promise<void>;
  /** A repository's waiting requests, or only those for one commit. */
  listProtectionRequests(repoId: number, sha?: string): Promise<ProtectionRequestRecord[]>;
  /** Requests whose `wakeAt` has come. */
  listDueProtectionRequests(now: Date): Promise<ProtectionRequestRecord[]>;
  /** Records the hold a request was told and when to decide it again. */
  holdProtectionRequest(
    key: ProtectionRequestKey,
    hold: { readonly reason: string | null; readonly message: string | null; readonly wakeAt: Date | null },
  ): Promise<void>;
  /** Forgets an answered request. */
  deleteProtectionRequest(key: ProtectionRequestKey): Promise<void>;
  /** Forgets up to `limit` requests made before `requestedBefore` (GitHub no longer waits for them); returns how many. */
  pruneProtectionRequests(requestedBefore: Date, limit: number): Promise<number>;
}
