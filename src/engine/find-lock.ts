import { GLOBAL_LOCK, type LockFact } from "../domain/locks.js";

/**
 * The lock that stops a deploy to `environment`, if any: a global lock first, then the
 * environment's own. A lock taken from the deploying pull request does not stop it.
 */
export function findLock(locks: readonly LockFact[], environment: string, pr: number | null): LockFact | undefined {
  const blocking = locks.filter((lock) => pr === null || lock.pr !== pr);
  return blocking.find((lock) => lock.environment === GLOBAL_LOCK) ?? blocking.find((lock) => lock.environment === environment);
}

/** "production is locked by @octocat (release freeze) until 2026-11-23T12:00:00.000Z" */
export function describeLock(lock: LockFact, environment: string): string {
  const scope = lock.environment === GLOBAL_LOCK ? "Every environment" : environment;
  const reason = lock.reason === null ? "" : ` (${lock.reason})`;
  const until = lock.expiresAt === null ? "" : ` until ${lock.expiresAt.toISOString()}`;
  return `${scope} is locked by @${lock.owner}${reason}${until}`;
}
