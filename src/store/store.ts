import type { CheckRecord } from "../domain/checks.js";
import type { DeploymentRecord, DeploymentStatusRecord, PendingDeploy } from "../domain/deployments.js";
import type { LockFact } from "../domain/locks.js";
import type { ReasonCode } from "../domain/reason-codes.js";

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

/**
 * The outcome of claiming: `claimed` (go ahead), `reclaimed` (this claim's earlier intent was left
 * by a process that died before recording the outcome: look for its deployment before creating
 * one), `in_progress` (an intent that blocks this claim is still fresh: ask again after `until`)
 * or `taken` (deployed, or claimed by someone else for good).
 */
export type ClaimResult =
  { readonly kind: "claimed" | "reclaimed" | "taken" } | { readonly kind: "in_progress"; readonly until: Date };

/** A lock as stored: on one environment of a repository, or on all of them (`environment` = `GLOBAL_LOCK`). */
export interface LockRecord extends LockFact {
  readonly repoId: number;
  /** The target named in `/lock <target>`; null for a global lock. */
  readonly target: string | null;
  readonly createdAt: Date;
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

/** A verified webhook delivery, as stored for the workers. */
export interface NewDelivery {
  /** GitHub's `X-GitHub-Delivery` id. */
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  /** Deliveries of one repository are processed one at a time, in arrival order. */
  readonly repoId: number;
  readonly installationId: number;
  /** The webhook body as JSON text. */
  readonly payload: string;
}

/**
 * The outcome of storing a delivery: `queued` is new, `requeued` was parked and is retried (GitHub
 * redelivered it), `duplicate` is already queued, running or done and is ignored.
 */
export type EnqueueOutcome = "queued" | "requeued" | "duplicate";

/** A delivery a worker claimed: it is the worker's until the lease runs out. */
export interface ClaimedDelivery extends NewDelivery {
  /** Proves the claim: finishing with a stale token (the lease ran out, another worker took it) does nothing. */
  readonly token: string;
  /** Claims so far, this one included. */
  readonly attempts: number;
  readonly receivedAt: Date;
}

/** Where a delivery is in the queue. */
export type DeliveryStatus = "queued" | "running" | "done" | "parked";

/** A webhook delivery as recorded, for `deliverybot events`. */
export interface DeliveryRecord {
  /** GitHub's `X-GitHub-Delivery` id. */
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** The last failure; null when none. */
  readonly error: string | null;
  /** When it (or its latest redelivery) arrived. */
  readonly receivedAt: Date;
  /** When a queued delivery may run (null otherwise). */
  readonly nextAttemptAt: Date | null;
  /** When it was done or parked; null before. */
  readonly finishedAt: Date | null;
}

/** Which deliveries {@link Store.listDeliveries} lists. */
export interface DeliveryFilter {
  readonly statuses: readonly Exclude<DeliveryStatus, "done">[];
  /** Only those with an error (a queued delivery that failed and waits for its retry). */
  readonly failedOnly?: boolean;
  /** At most this many (clamped to 0…1000). */
  readonly limit: number;
}

/** How many deliveries wait, run and are parked: for `/healthz` and the benchmarks. */
export interface QueueCounts {
  readonly queued: number;
  readonly running: number;
  readonly parked: number;
}

/**
 * The store port: everything the app keeps. One implementation runs on embedded PostgreSQL
 * (PGlite); the SQL is plain PostgreSQL so a server backend can share it.
 */
export interface Store {
  /**
   * Stores verified deliveries for the workers, once per `X-GitHub-Delivery` id (see {@link EnqueueOutcome}):
   * those received at the same moment in one statement, queued in order of their ids; one outcome per
   * delivery, in the given order. A delivery id repeated in the list is a duplicate of its first occurrence.
   */
  enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<EnqueueOutcome[]>;
  /**
   * Claims the oldest delivery that may run at `now` — queued and due, or running with an expired
   * lease — whose repository has no other delivery running; undefined when there is none. Safe
   * from any number of workers and processes at once.
   */
  claimDelivery(now: Date, leaseMs: number): Promise<ClaimedDelivery | undefined>;
  /** Extends a claim's lease; false when the claim was lost. */
  extendDeliveryLease(id: string, token: string, until: Date): Promise<boolean>;
  /** Marks a claimed delivery processed and drops its payload; false when the claim was lost. */
  completeDelivery(id: string, token: string, now: Date): Promise<boolean>;
  /**
   * Puts a claimed delivery back in the queue until `runAt` with its error; `countAttempt: false`
   * (GitHub's rate limit, not the delivery's fault) takes this claim back off its attempts.
   */
  retryDelivery(id: string, token: string, retry: { runAt: Date; error: string; countAttempt: boolean }): Promise<boolean>;
  /** Parks a claimed delivery with its last error: kept, not retried until requeued. */
  parkDelivery(id: string, token: string, now: Date, error: string): Promise<boolean>;
  /** Queues a parked delivery again with fresh attempts; false when it is not parked. */
  requeueDelivery(id: string, now: Date): Promise<boolean>;
  /** Deliveries by status (see {@link DeliveryFilter}), newest first. */
  listDeliveries(filter: DeliveryFilter): Promise<DeliveryRecord[]>;
  countDeliveries(): Promise<QueueCounts>;
  /** Deletes up to `limit` deliveries processed before `finishedBefore`; returns how many. */
  pruneDeliveries(finishedBefore: Date, limit: number): Promise<number>;

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
   * Takes the claim as an intent at `now` (see {@link ClaimResult}). An `auto` claim is refused when
   * the commit has any claim or deployment in that environment; a `comment:<id>` claim only when that
   * comment already claimed it; hook and admin claims when that request was claimed. An intent not
   * settled within `leaseMs` may be reclaimed by the same claim.
   */
  claimDeployment(claim: DeployClaim, now: Date, leaseMs: number): Promise<ClaimResult>;
  /** Marks the claim settled: its deployment was created (or found) and recorded. */
  settleDeployment(
    claim: Pick<DeployClaim, "repoId" | "environment" | "sha" | "via">,
    deploymentId: number,
    now: Date,
  ): Promise<void>;
  /**
   * Gives a claim back after GitHub did not create the deployment. Releases only the claim with
   * that `via` (the caller's own; `auto` unless given): the other claims of the commit in that
   * environment led to deployments and stay.
   */
  releaseDeployment(repoId: number, environment: string, sha: string, via?: string): Promise<void>;
  /** True when the commit has a deployment (ours or anyone's) or a claim in that environment. */
  isDeployed(repoId: number, environment: string, sha: string): Promise<boolean>;
  /**
   * Environments where the commit has a deployment or a settled claim (the engine's `deployedEnvironments`),
   * sorted. An intent does not count: claiming again tells whether it is in progress or was left by a dead process.
   */
  listDeployedEnvironments(repoId: number, sha: string): Promise<string[]>;

  /** Inserts or updates a deployment by GitHub id. */
  recordDeployment(deployment: DeploymentRecord): Promise<void>;
  /** Inserts a status by GitHub id; repeated deliveries are harmless. */
  recordDeploymentStatus(status: DeploymentStatusRecord): Promise<void>;
  /** Transient deployments of a pull request whose newest status is not `inactive`. */
  listActiveTransientDeployments(repoId: number, pr: number): Promise<DeploymentWithState[]>;
  /** Deployments of one environment, newest first (20 unless `limit` says otherwise), each with its newest status. */
  listDeployments(repoId: number, environment: string, limit?: number): Promise<DeploymentWithState[]>;

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
