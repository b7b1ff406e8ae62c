import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import type { SessionRecord } from "../../src/store/session-store.js";
import type { Store } from "../../src/store/store.js";

const HOUR = 3_600_000;
const CREATED = new Date("2026-12-07T09:00:00Z");
const at = (hours: number) => new Date(CREATED.getTime() + hours * HOUR);

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: randomUUID(),
    login: "alice",
    userId: 2 ** 33 + 7,
    tokenSealed: "Fe26.2**sealed",
    createdAt: CREATED,
    expiresAt: at(8),
    ...overrides,
  };
}

/** Contract: dashboard sessions, found until they expire or end. */
export function describeSessionContract(getStore: () => Store): void {
  describe("dashboard sessions", () => {
    it("finds a session until it expires, and not after it ended", async () => {
      const store = getStore();
      const s = session();
      await store.createSession(s);

      const during = await store.findSession(s.id, at(7));
      const expired = await store.findSession(s.id, at(8));
      await store.deleteSession(s.id);
      const ended = await store.findSession(s.id, at(1));

      expect(during).toEqual(s);
      expect([expired, ended]).toEqual([undefined, undefined]);
      await expect(store.deleteSession(s.id)).resolves.toBeUndefined();
    });

    it("prunes expired sessions only", async () => {
      const store = getStore();
      const old = session({ expiresAt: new Date("1999-01-01T00:00:00Z") });
      const live = session({ expiresAt: new Date("2999-01-01T00:00:00Z") });
      await store.createSession(old);
      await store.createSession(live);

      const pruned = await store.pruneSessions(new Date("2000-01-01T00:00:00Z"), 1000);

      expect(pruned).toBeGreaterThanOrEqual(1);
      await expect(store.findSession(old.id, new Date("1998-01-01T00:00:00Z"))).resolves.toBeUndefined();
      await expect(store.findSession(live.id, new Date("2000-01-01T00:00:00Z"))).resolves.toEqual(live);
    });
  });
}
