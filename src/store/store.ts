import type { ReasonCode } from "../engine/reason-codes.js";
import type { CheckFact, PendingDeploy } from "../engine/types.js";

/** A check fact as stored: newest run (highest GitHub id) per (repository, commit, context). */
export interface CheckRecord extends CheckFact {
  readonly repoId: number;
  readonly sha: string;
  /** GitHub's id of the status or check run; a higher id is a newer run. */
  readonly externalId: number;
}

/** A pending deploy as stored, with what the retry sweep needs to pick it up again. */
export interface PendingRecord extends PendingDeploy {
  readonly repoId: number;
  readonly owner: string;
  readonly repo: string;
  readonly installationId: number;
  /** Attempts at creating the deployment that failed with a GitHub error. */
  readonly attempts: number;
  /** When the retry sweep may try again; null while waiting for check events. */
  readonly nextAttemptAt: Date | null;
  readonly lastError: string | null;
}

/** A decision as stored, so "why didn't it deploy?" has an answer. */
export interface DecisionRecord {
  readonly repoId: number;
  readonly target: string | null;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly reason: ReasonCode;
  readonly message: string;
  readonly deliveryId: string | null;
  readonly createdAt: Date;
}

/** A claim on (repository, environment, commit), taken before asking GitHub, so it happens once. */
export interface DeployClaim {
  readonly repoId: number;
  readonly environment: string;
  readonly sha: string;
  readonly target: string;
  readonly ref: string;
  readonly pr: number | null;
  readonly transient: boolean;
  /**
   * What the claim dedupes: `auto` for auto-deploys (one per environment and commit, ever),
   * `comment:<id>` for a command (one per command comment, so a commit can be deployed again on
   * request, e.g. a rollback), or `hook:<hook-id>:<request-id>` for an inbound deploy hook (one per
   * request of that hook, whichever commit and environment it resolved to), or `admin:<request-id>`
   * for `deliverybot deploy` through the admin API (likewise one per request id).
   */
  readonly via: string;
}

/** The environment value of a lock on every environment of a repository (the engine's own constant). */
export { GLOBAL_LOCK_ENVIRONMENT as GLOBAL_LOCK } from "../engine/find-lock.js";

/** A lock on one environment of a repository, or on all of them (`environment` = {@link GLOBAL_LOCK}). */
export interface LockRecord {
  readonly repoId: number;
  readonly environment: string;
  /** The target named in `/lock <target>`; null for a global lock. */
  readonly target: string | null;
  /** GitHub login of who took the lock. */
  readonly owner: string;
  /** The pull request it was taken from; it is released when that pull request closes. */
  readonly pr: number | null;
  readonly reason: string | null;
  readonly createdAt: Date;
  /** null: until unlocked. */
  readonly expiresAt: Date | null;
}

/** The outcome of trying to take a lock. */
export type LockAttempt =
  { readonly acquired: true; readonly lock: LockRecord } | { readonly acquired: false; readonly holder: LockRecord };

/** The newest head of a pull request Deliverybot saw in a `pull_request` webhook. */
export interface PullRequestHead {
  readonly sha: string;
  /** When the head changed (the payload's `pull_request.updated_at`). */
  readonly updatedAt: Date;
}

/** A GitHub deployment as seen in our own responses and in `deployment` webhooks. */
export interface DeploymentRecord {
  /** GitHub's deployment id. */
  readonly id: number;
  readonly repoId: number;
  readonly environment: string;
  readonly sha: string;
  readonly ref: string;
  readonly task: string;
  readonly target: string | null;
  readonly pr: number | null;
  readonly transient: boolean;
  readonly createdAt: Date;
}

/** One `deployment_status` as GitHub reported it. */
export interface DeploymentStatusRecord {
  /** GitHub's status id. */
  readonly id: number;
  readonly deploymentId: number;
  readonly state: string;
  readonly description: string | null;
  readonly environmentUrl: string | null;
  readonly logUrl: string | null;
  readonly createdAt: Date;
}

/** A deployment with its newest status, for history views and transient clean-up. */
export interface DeploymentWithState extends DeploymentRecord {
  /** Newest status state, or null when no status arrived yet. */
  readonly state: string | null;
}

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

/** The outcome of registering a webhook delivery. */
export type DeliveryStart = "new" | "duplicate";

/** A webhook delivery as recorded, for `deliverybot events`. */
export interface DeliveryRecord {
  /** GitHub's `X-GitHub-Delivery` id. */
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: "processing" | "done" | "failed";
  /** Why it failed; null otherwise. */
  readonly error: string | null;
  /** When it (or its latest redelivery) arrived. */
  readonly receivedAt: Date;
  /** null while processing. */
  readonly finishedAt: Date | null;
}

/** Which deliveries {@link Store.listDeliveries} lists. */
export interface DeliveryFilter {
  readonly statuses: readonly ("failed" | "processing")[];
  /**
   * A `processing` delivery is listed only when it arrived before this (one still in progress is
   * not stuck); `failed` ones are listed whatever their age. Absent: every processing delivery.
   */
  readonly olderThan?: Date;
  /** At most this many (clamped to 0…1000). */
  readonly limit: number;
}

/**
 * The store port: everything the app keeps. One implementation runs on embedded PostgreSQL
 * (PGlite); the SQL is plain PostgreSQL so a server backend can share it.
 */
export interface Store {
  /** Registers a delivery by its `X-GitHub-Delivery` id; "duplicate" when it was seen and did not fail. */
  beginDelivery(id: string, event: string, action: string | null): Promise<DeliveryStart>;
  /** Marks a delivery processed, or failed (a failed delivery may be redelivered and processed again). */
  finishDelivery(id: string, outcome: "done" | "failed", error?: string): Promise<void>;
  /** Failed and/or stuck deliveries (see {@link DeliveryFilter}), newest first. */
  listDeliveries(filter: DeliveryFilter): Promise<DeliveryRecord[]>;

  /**
   * Keeps the newest run per context: a record with a lower externalId than the stored one is
   * ignored. The same externalId (one check run moving on) updates the outcome, except that a
   * finished outcome never goes back to "pending" (its events may arrive out of order).
   */
  recordCheck(check: CheckRecord): Promise<void>;
  listChecks(repoId: number, sha: string): Promise<CheckRecord[]>;

  /**
   * Inserts or replaces the pending deploy for (repository, target, ref). Returns the record it
   * replaced when that was for another commit (the caller records it as superseded).
   * Saving the same commit again keeps `attempts`, `nextAttemptAt` and `lastError`, so a repeated
   * event cannot reset a scheduled retry; another commit starts over with the given values.
   */
  savePending(pending: PendingRecord): Promise<PendingRecord | undefined>;
  listPendingBySha(repoId: number, sha: string): Promise<PendingRecord[]>;
  listPendingByRef(repoId: number, ref: string): Promise<PendingRecord[]>;
  /** Pending deploys whose retry time has come. */
  listDuePending(now: Date): Promise<PendingRecord[]>;
  /** Removes the pending deploy, only if it still is for that commit. */
  deletePending(repoId: number, target: string, ref: string, sha: string): Promise<void>;
  /** Records a failed creation attempt and when to try again. */
  deferPending(repoId: number, target: string, ref: string, sha: string, nextAttemptAt: Date, error: string): Promise<void>;

  recordDecision(decision: DecisionRecord): Promise<void>;
  /** Newest first; 50 unless `limit` says otherwise. */
  listDecisions(repoId: number, filter?: { sha?: string; target?: string; limit?: number }): Promise<DecisionRecord[]>;

  /**
   * Takes the claim; false when it is already taken. An `auto` claim is also refused when the
   * commit has any claim or deployment in that environment; a `comment:<id>` claim only when that
   * comment already claimed it.
   */
  claimDeployment(claim: DeployClaim): Promise<boolean>;
  /**
   * Gives a claim back after GitHub did not create the deployment. Releases only the claim with
   * that `via` (the caller's own; `auto` unless given): the other claims of the commit in that
   * environment led to deployments and stay.
   */
  releaseDeployment(repoId: number, environment: string, sha: string, via?: string): Promise<void>;
  /** True when the commit has a deployment (ours or anyone's) or a claim in that environment. */
  isDeployed(repoId: number, environment: string, sha: string): Promise<boolean>;
  /** Environments where the commit has a deployment or a claim (the engine's `deployedEnvironments`), sorted. */
  listDeployedEnvironments(repoId: number, sha: string): Promise<string[]>;

  /** Inserts or updates a deployment by GitHub id. */
  recordDeployment(deployment: DeploymentRecord): Promise<void>;
  /** Inserts a status by GitHub id; repeated deliveries are harmless. */
  recordDeploymentStatus(status: DeploymentStatusRecord): Promise<void>;
  /** Transient deployments of a pull request whose newest status is not `inactive`. */
  listActiveTransientDeployments(repoId: number, pr: number): Promise<DeploymentWithState[]>;
  /** Deployments of one environment, newest first (20 unless `limit` says otherwise), each with its newest status. */
  listDeployments(repoId: number, environment: string, limit?: number): Promise<DeploymentWithState[]>;

  /** Resolves when the database answers a trivial query; for `/healthz`. */
  ping(): Promise<void>;

  /**
   * Takes a lock. An expired lock counts as free and is replaced; the holder taking it again
   * refreshes reason and expiry (acquired). Otherwise the current holder is returned.
   */
  acquireLock(lock: LockRecord, now: Date): Promise<LockAttempt>;
  /** Releases a lock; returns it, or undefined when there was none (or it had expired). */
  releaseLock(repoId: number, environment: string, now: Date): Promise<LockRecord | undefined>;
  /** Locks in force (not expired), global first, then by environment. */
  listLocks(repoId: number, now: Date): Promise<LockRecord[]>;
  /** Releases every lock taken from a pull request (merged or closed); returns them. */
  releaseLocksOfPullRequest(repoId: number, pr: number): Promise<LockRecord[]>;
  /** Deletes locks whose expiry has passed, in every repository; returns them (to re-evaluate waiting deploys). */
  releaseExpiredLocks(now: Date): Promise<LockRecord[]>;

  /** Every pending deploy of a repository (re-evaluated when a lock is released). */
  listPendingByRepo(repoId: number): Promise<PendingRecord[]>;

  /** The reply comment Deliverybot wrote for a command comment, to edit rather than post again. */
  findCommandReply(repoId: number, commentId: number): Promise<number | undefined>;
  saveCommandReply(repoId: number, commentId: number, replyId: number): Promise<void>;

  /** Records a pull request's head; an older `updatedAt` than the stored one is ignored. */
  recordPullRequestHead(repoId: number, pr: number, head: PullRequestHead): Promise<void>;
  getPullRequestHead(repoId: number, pr: number): Promise<PullRequestHead | undefined>;

  /** Stores a new hook, created at `now`; throws when the id is taken. */
  createHook(hook: NewHook, now: Date): Promise<HookRecord>;
  /** The hook with that id, revoked ones included (see `revokedAt`). */
  findHook(id: string): Promise<HookRecord | undefined>;
  /** Hooks of one repository, or of all, revoked ones included; oldest first. */
  listHooks(repoId?: number): Promise<HookRecord[]>;
  /** Revokes a hook at `now`; false when there is no such hook or it was revoked already (its time stays). */
  revokeHook(id: string, now: Date): Promise<boolean>;
  close(): Promise<void>;
}
