import { GLOBAL_LOCK, type LockFact } from "../domain/locks.js";

/** Who a deploy is for, as far as locks are concerned. */
export type LockSubject =
  /** An auto-deploy, of a pull request or of no pull request (a push). */
  | { readonly kind: "auto"; readonly pr: number | null }
  /** A user's command (`/deploy`, `/rollback`). */
  | { readonly kind: "user"; readonly login: string }
  /** A hook or the admin API: nobody's, so every lock stops it. */
  | { readonly kind: "outside" };

/**
 * Whether a lock lets a deploy through. A lock is held by the user who took it: it lets through
 * that user's own commands and the auto-deploys of the pull request it was taken from, and stops
 * everything else.
 */
export function lockLetsThrough(lock: LockFact, subject: LockSubject): boolean {
  if (subject.kind === "user") return lock.owner.toLowerCase() === subject.login.toLowerCase();
  if (subject.kind === "auto") return subject.pr !== null && lock.pr === subject.pr;
  return false;
}

/** The lock that stops a deploy to `environment`, if any: a global lock first, then the environment's own. */
export function findLock(locks: readonly LockFact[], environment: string, subject: LockSubject): LockFact | undefined {
  const blocking = locks.filter((lock) => !lockLetsThrough(lock, subject));
  return blocking.find((lock) => lock.environment === GLOBAL_LOCK) ?? blocking.find((lock) => lock.environment === environment);
}

/** "production is locked by @octocat (release freeze) until 2026-11-23T12:00:00.000Z" */
export function describeLock(lock: LockFact, environment: string): string {
  const scope = lock.environment === GLOBAL_LOCK ? "Every environment" : environment;
  const reason = lock.reason === null ? "" : ` (${lock.reason})`;
  const until = lock.expiresAt === null ? "" : ` until ${lock.expiresAt.toISOString()}`;
  return `${scope} is locked by @${lock.owner}${reason}${until}`;
}
