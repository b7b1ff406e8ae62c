import { describe, expect, it } from "@jest/globals";
import { GLOBAL_LOCK } from "../../src/domain/locks.js";
import type { Store } from "../../src/store/store.js";
import { lockRecord, uniqueRepoId } from "./store-fixtures.js";

/** Contract: environment and global locks, their expiry and their release. */
export function describeLockContract(getStore: () => Store): void {
  // The fixture's lock is taken at 10:00 and expires at 12:00 on 2026-01-01.
  const at = (time: string): Date => new Date(`2026-01-01T${time}Z`);

  describe("locks", () => {
    it("takes a free lock and refuses it to anyone else while it holds", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const lock = lockRecord(repoId);

      const taken = await store.acquireLock(lock, at("10:00:00"));
      const refused = await store.acquireLock(lockRecord(repoId, { owner: "hubot", pr: 8, reason: null }), at("11:00:00"));
      const otherEnvironment = await store.acquireLock(
        lockRecord(repoId, { environment: "staging", owner: "hubot" }),
        at("11:00:00"),
      );

      expect(taken).toEqual({ acquired: true, lock });
      expect(refused).toEqual({ acquired: false, holder: lock });
      expect(otherEnvironment.acquired).toBe(true);
    });

    it("lets the holder take it again to change reason, expiry, pull request and target", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const lock = lockRecord(repoId);
      await store.acquireLock(lock, at("10:00:00"));
      const again = lockRecord(repoId, {
        target: "prod",
        pr: 9,
        reason: "incident",
        createdAt: at("11:00:00"),
        expiresAt: null,
      });

      const refreshed = await store.acquireLock(again, at("11:00:00"));

      // Held since the first time it was taken.
      const expected = { ...again, createdAt: lock.createdAt };
      expect(refreshed).toEqual({ acquired: true, lock: expected });
      expect(await store.listLocks(repoId, at("13:00:00"))).toEqual([expected]);
    });

    it("treats an expired lock as free: anyone replaces it", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.acquireLock(lockRecord(repoId), at("10:00:00"));
      await store.acquireLock(lockRecord(repoId, { environment: "staging" }), at("10:00:00"));
      const replacement = lockRecord(repoId, { owner: "hubot", pr: null, createdAt: at("12:00:00"), expiresAt: null });

      const atExpiry = await store.acquireLock(replacement, at("12:00:00"));

      expect(atExpiry).toEqual({ acquired: true, lock: replacement });
      expect(await store.listLocks(repoId, at("12:00:00"))).toEqual([replacement]);
    });

    it("starts a new hold when the previous holder takes its expired lock again", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.acquireLock(lockRecord(repoId), at("10:00:00"));
      const again = lockRecord(repoId, { createdAt: at("13:00:00"), expiresAt: at("14:00:00") });

      expect(await store.acquireLock(again, at("13:00:00"))).toEqual({ acquired: true, lock: again });
    });

    it("releases a lock: it is no longer in force, releasing it again is harmless, anyone may take it", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const lock = lockRecord(repoId, { expiresAt: null });
      const staging = lockRecord(repoId, { environment: "staging", expiresAt: null });
      await store.acquireLock(lock, at("10:00:00"));
      await store.acquireLock(staging, at("10:00:00"));

      await store.releaseLock(repoId, "production");
      const afterRelease = await store.listLocks(repoId, at("11:00:00"));
      await store.releaseLock(repoId, "production");
      const retaken = await store.acquireLock(lockRecord(repoId, { owner: "hubot" }), at("11:00:00"));

      expect(afterRelease).toEqual([staging]);
      expect(retaken.acquired).toBe(true);
    });

    it("lists the locks in force, the global lock first, then by environment", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const staging = lockRecord(repoId, { environment: "staging", target: "staging" });
      const global = lockRecord(repoId, { environment: GLOBAL_LOCK, target: null, pr: null, expiresAt: null });
      const production = lockRecord(repoId, { expiresAt: at("15:00:00") });
      const expired = lockRecord(repoId, { environment: "qa", target: "qa", expiresAt: at("11:00:00") });
      for (const lock of [staging, expired, production, global]) await store.acquireLock(lock, at("10:00:00"));
      await store.acquireLock(lockRecord(uniqueRepoId()), at("10:00:00"));

      expect(await store.listLocks(repoId, at("10:30:00"))).toEqual([global, production, expired, staging]);
      expect(await store.listLocks(repoId, at("12:00:00"))).toEqual([global, production]);
      expect(await store.listLocks(uniqueRepoId(), at("10:30:00"))).toEqual([]);
    });

    it("releases every lock taken from a pull request, in that repository only", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const otherRepoId = uniqueRepoId();
      const global = lockRecord(repoId, { environment: GLOBAL_LOCK, target: null });
      const production = lockRecord(repoId);
      const fromOtherPr = lockRecord(repoId, { environment: "staging", pr: 8 });
      const withoutPr = lockRecord(repoId, { environment: "qa", pr: null });
      const otherRepo = lockRecord(otherRepoId);
      for (const lock of [production, fromOtherPr, withoutPr, global, otherRepo]) await store.acquireLock(lock, at("10:00:00"));

      const released = await store.releaseLocksOfPullRequest(repoId, 7);

      expect(released).toEqual([global, production]);
      expect(await store.listLocks(repoId, at("11:00:00"))).toEqual([withoutPr, fromOtherPr]);
      expect(await store.listLocks(otherRepoId, at("11:00:00"))).toEqual([otherRepo]);
      expect(await store.releaseLocksOfPullRequest(repoId, 7)).toEqual([]);
    });

    it("sweeps the expired locks of every repository and returns them", async () => {
      const store = getStore();
      // 2025, before every other test's expiry: the sweep covers all repositories, and the suite
      // may share its database with other runs.
      const in2025 = (time: string): Date => new Date(`2025-06-01T${time}Z`);
      const repoId = uniqueRepoId();
      const otherRepoId = uniqueRepoId();
      const taken = { createdAt: in2025("10:00:00") };
      const expired = lockRecord(repoId, { ...taken, expiresAt: in2025("11:00:00") });
      const expiredGlobal = lockRecord(repoId, {
        ...taken,
        environment: GLOBAL_LOCK,
        target: null,
        expiresAt: in2025("11:30:00"),
      });
      const atNow = lockRecord(otherRepoId, { ...taken, expiresAt: in2025("12:00:00") });
      const later = lockRecord(repoId, { ...taken, environment: "staging", expiresAt: in2025("12:00:01") });
      const forever = lockRecord(repoId, { ...taken, environment: "qa", expiresAt: null });
      for (const lock of [expired, later, atNow, forever, expiredGlobal]) await store.acquireLock(lock, in2025("10:00:00"));

      const swept = await store.releaseExpiredLocks(in2025("12:00:00"));
      const mine = swept.filter((lock) => lock.repoId === repoId || lock.repoId === otherRepoId);

      // By repository (uniqueRepoId grows), then the global lock first.
      expect(mine).toEqual([expiredGlobal, expired, atNow]);
      expect(await store.listLocks(repoId, in2025("10:00:00"))).toEqual([forever, later]);
      expect(await store.listLocks(otherRepoId, in2025("10:00:00"))).toEqual([]);
    });

    it("gives a free lock to exactly one of concurrent takers", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const owners = Array.from({ length: 10 }, (_, i) => `user-${i}`);

      const attempts = await Promise.all(owners.map((owner) => store.acquireLock(lockRecord(repoId, { owner }), at("10:00:00"))));

      const winners = attempts.flatMap((a) => (a.acquired ? [a.lock] : []));
      const holders = attempts.flatMap((a) => (a.acquired ? [] : [a.holder]));
      expect(winners).toHaveLength(1);
      expect(holders).toEqual(Array.from({ length: 9 }, () => winners[0]));
    });

    it("gives an expired lock to exactly one of concurrent takers", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.acquireLock(lockRecord(repoId, { owner: "previous" }), at("10:00:00"));
      const owners = Array.from({ length: 10 }, (_, i) => `user-${i}`);
      const take = (owner: string) => store.acquireLock(lockRecord(repoId, { owner, expiresAt: null }), at("13:00:00"));

      const attempts = await Promise.all(owners.map(take));

      expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
      expect((await store.listLocks(repoId, at("13:00:00"))).map((l) => l.owner)).not.toContain("previous");
    });
  });
}
