import { describe, expect, it } from "@jest/globals";
import type { LockFact } from "../domain/locks.js";
import { findLock, lockLetsThrough, type LockSubject } from "./find-lock.js";

const lock = (fields: Partial<LockFact> = {}): LockFact => ({
  environment: "production",
  owner: "alice",
  pr: 5,
  reason: "db migration",
  expiresAt: null,
  ...fields,
});

describe("lockLetsThrough: a lock is held by the user who took it", () => {
  it.each<[string, LockSubject, boolean]>([
    ["its owner's command", { kind: "user", login: "alice" }, true],
    ["its owner's command, whatever the login's case", { kind: "user", login: "ALICE" }, true],
    ["another user's command on the pull request it was taken from", { kind: "user", login: "bob" }, false],
    ["an auto-deploy of the pull request it was taken from", { kind: "auto", pr: 5 }, true],
    ["an auto-deploy of another pull request", { kind: "auto", pr: 6 }, false],
    ["an auto-deploy of a push", { kind: "auto", pr: null }, false],
    ["a hook or the admin API", { kind: "outside" }, false],
  ])("%s: %s", (_case, subject, passes) => {
    expect(lockLetsThrough(lock(), subject)).toBe(passes);
  });

  it("lets no push through a lock taken from no pull request", () => {
    expect(lockLetsThrough(lock({ pr: null }), { kind: "auto", pr: null })).toBe(false);
  });
});

describe("findLock", () => {
  const bob: LockSubject = { kind: "user", login: "bob" };

  it("finds a global lock before the environment's own", () => {
    const global = lock({ environment: "*", owner: "carol" });

    expect(findLock([lock(), global], "production", bob)).toBe(global);
  });

  it("finds the environment's lock when the global one lets the deploy through", () => {
    const own = lock({ environment: "*", owner: "bob" });
    const alices = lock();

    expect(findLock([own, alices], "production", bob)).toBe(alices);
  });

  it("finds nothing for another environment", () => {
    expect(findLock([lock()], "staging", bob)).toBeUndefined();
  });
});
