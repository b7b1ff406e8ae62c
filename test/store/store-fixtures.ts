import { randomBytes, randomUUID } from "node:crypto";
import type { DeploymentRecord } from "../../src/domain/deployments.js";
import type { DeployClaim } from "../../src/store/claim-store.js";
import type { DecisionRecord } from "../../src/store/decision-store.js";
import type { EnqueueOutcome, NewDelivery } from "../../src/store/delivery-store.js";
import type { NewHook } from "../../src/store/hook-store.js";
import type { LockRecord } from "../../src/store/lock-store.js";
import type { PendingRecord } from "../../src/store/pending-store.js";
import type { Store } from "../../src/store/store.js";
import type { ProtectionRequestRecord } from "../../src/store/protection-request-store.js";

let counter = 0;
// Above 2^32 so every test also proves bigint columns round-trip as JS numbers; random so runs
// against a long-lived PostgreSQL database do not collide with earlier runs.
const base = 2 ** 32 + Math.floor(Math.random() * 2 ** 40);

/** A repository id no other test uses: tests share one store and isolate by repository. */
export function uniqueRepoId(): number {
  counter += 1;
  return base + counter * 1000;
}

/** A delivery id no other test (or earlier run) uses. */
export function uniqueDeliveryId(): string {
  return randomUUID();
}

/** A 40-hex-digit commit id derived from a label, readable in failure messages. */
export function sha(label: string): string {
  return Buffer.from(label).toString("hex").padEnd(40, "0").slice(0, 40);
}

/** A `deployed` decision about `main` in production, at a fixed time (it round-trips exactly). */
export function decisionRecord(repoId: number, overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    repoId,
    target: "production",
    ref: "refs/heads/main",
    sha: sha("a"),
    pr: null,
    reason: "deployed",
    message: "Checks passed",
    origin: "d-1",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    ...overrides,
  };
}

/** A pending deploy of `main` to `production`, waiting for checks. */
export function pendingRecord(repoId: number, overrides: Partial<PendingRecord> = {}): PendingRecord {
  return {
    repoId,
    target: "production",
    ref: "refs/heads/main",
    sha: sha("a"),
    pr: null,
    trigger: "push",
    owner: "octo",
    repo: "app",
    installationId: 3_000_000_000,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    ...overrides,
  };
}

/** An auto-deploy claim on (repoId, production, sha("a")). */
export function deployClaim(repoId: number, overrides: Partial<DeployClaim> = {}): DeployClaim {
  return {
    repoId,
    environment: "production",
    sha: sha("a"),
    target: "production",
    ref: "refs/heads/main",
    pr: null,
    transient: false,
    via: "auto",
    ...overrides,
  };
}

/** A lock on production taken by octocat from pull request 7, until 2026-01-01T12:00Z. */
export function lockRecord(repoId: number, overrides: Partial<LockRecord> = {}): LockRecord {
  return {
    repoId,
    environment: "production",
    target: "production",
    owner: "octocat",
    pr: 7,
    reason: "release freeze",
    createdAt: new Date("2026-01-01T10:00:00Z"),
    expiresAt: new Date("2026-01-01T12:00:00Z"),
    ...overrides,
  };
}

/** A deployment of sha("a") to production with a large GitHub id. */
export function deploymentRecord(repoId: number, overrides: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return {
    id: repoId + 1,
    repoId,
    environment: "production",
    sha: sha("a"),
    ref: "refs/heads/main",
    task: "deploy",
    target: "production",
    pr: null,
    transient: false,
    createdAt: new Date("2026-01-01T10:00:00Z"),
    creator: "octocat",
    trigger: "auto",
    description: null,
    ...overrides,
  };
}

/** A hook id no other test (or earlier run) uses: 22 URL-safe characters, like real ones. */
export function uniqueHookId(): string {
  return randomBytes(16).toString("base64url");
}

/** A hook named `dockerhub` of the repository, with a fresh id and a fixed token hash. */
export function newHook(repoId: number, overrides: Partial<NewHook> = {}): NewHook {
  return {
    id: uniqueHookId(),
    repoId,
    owner: "octo",
    repo: "app",
    installationId: 3_000_000_000,
    name: "dockerhub",
    tokenHash: "ab".repeat(32),
    ...overrides,
  };
}

/** How long a test claim's intent holds. */
export const TEST_CLAIM_LEASE_MS = 30_000;

/** Claims at `now` (default: the wall clock); true when the claim was granted outright. */
export async function tryClaim(store: Pick<Store, "claimDeployment">, claim: DeployClaim, now = new Date()): Promise<boolean> {
  return (await store.claimDeployment(claim, now, TEST_CLAIM_LEASE_MS)).kind === "claimed";
}

/**
 * Whether the commit has a deployment or any claim (settled or an intent) in that environment,
 * seen as the store's contract says: an auto-deploy's claim of it would be refused. The probe
 * gives its claim back when it got one, and never takes an intent over (its lease reaches back to
 * 1970), so it changes nothing.
 */
export async function hasClaimOrDeployment(
  store: Pick<Store, "claimDeployment" | "releaseDeployment">,
  repoId: number,
  environment: string,
  sha: string,
): Promise<boolean> {
  const now = new Date();
  const probe = { repoId, environment, sha, target: "probe", ref: "refs/heads/probe", pr: null, transient: false, via: "auto" };
  const result = await store.claimDeployment(probe, now, now.getTime());
  if (result.kind !== "claimed") return true;
  await store.releaseDeployment(repoId, environment, sha);
  return false;
}

/** Stores one delivery in the queue at `now`; its outcome. */
export async function enqueueOne(
  store: Pick<Store, "enqueueDeliveries">,
  delivery: NewDelivery,
  now: Date,
): Promise<EnqueueOutcome> {
  const [outcome] = await store.enqueueDeliveries([delivery], now);
  if (outcome === undefined) throw new Error("enqueueDeliveries answered no outcome for one delivery");
  return outcome;
}

/** A protection rule request of run 501 for production, waiting on (repoId, sha("a")). */
export function protectionRequest(repoId: number, overrides: Partial<ProtectionRequestRecord> = {}): ProtectionRequestRecord {
  return {
    repoId,
    runId: 501,
    environment: "production",
    owner: "acme",
    repo: `shop-${repoId}`,
    installationId: 7,
    sha: sha("a"),
    ref: "main",
    pr: null,
    requester: "dev",
    event: "push",
    requestedAt: new Date("2026-12-01T10:00:00Z"),
    reason: null,
    message: null,
    wakeAt: null,
    ...overrides,
  };
}
