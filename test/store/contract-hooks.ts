import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import {
  deployClaim,
  deploymentRecord,
  hasClaimOrDeployment,
  newHook,
  sha,
  tryClaim,
  uniqueHookId,
  uniqueRepoId,
} from "./store-fixtures.js";

const CREATED = new Date("2026-01-01T10:00:00Z");
const LATER = new Date("2026-01-01T11:00:00Z");

/** Contract: inbound deploy hooks, kept by id with their token's hash only. */
export function describeHookContract(getStore: () => Store): void {
  describe("hooks", () => {
    it("stores a hook and finds it by id, not yet revoked", async () => {
      const store = getStore();
      const hook = newHook(uniqueRepoId());

      const created = await store.createHook(hook, CREATED);
      const found = await store.findHook(hook.id);

      expect(created).toEqual({ ...hook, createdAt: CREATED, revokedAt: null });
      expect(found).toEqual(created);
      expect(await store.findHook(uniqueHookId())).toBeUndefined();
    });

    it("refuses a second hook with the same id", async () => {
      const store = getStore();
      const hook = newHook(uniqueRepoId());
      await store.createHook(hook, CREATED);

      await expect(store.createHook({ ...hook, name: "other" }, LATER)).rejects.toThrow();
    });

    it("rejects what no hook can be: a short id, a name with capitals, a token hash that is no SHA-256", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      await expect(store.createHook(newHook(repoId, { id: "short" }), CREATED)).rejects.toThrow();
      await expect(store.createHook(newHook(repoId, { name: "DockerHub" }), CREATED)).rejects.toThrow();
      await expect(store.createHook(newHook(repoId, { tokenHash: "secret" }), CREATED)).rejects.toThrow();
      expect(await store.listHooks(repoId)).toEqual([]);
    });

    it("lists a repository's hooks oldest first, revoked ones and shared names included", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const newer = await store.createHook(newHook(repoId), LATER);
      const older = await store.createHook(newHook(repoId), CREATED);
      const other = await store.createHook(newHook(uniqueRepoId(), { name: "jenkins" }), CREATED);
      await store.revokeHook(older.id, LATER);

      const listed = await store.listHooks(repoId);
      const all = await store.listHooks();

      expect(listed).toEqual([{ ...older, revokedAt: LATER }, newer]);
      expect(all.filter((hook) => [older.id, newer.id, other.id].includes(hook.id))).toHaveLength(3);
      expect(await store.listHooks(uniqueRepoId())).toEqual([]);
    });

    it("revokes a hook once, keeping the first revocation time", async () => {
      const store = getStore();
      const hook = await store.createHook(newHook(uniqueRepoId()), CREATED);

      const first = await store.revokeHook(hook.id, LATER);
      const again = await store.revokeHook(hook.id, new Date("2026-01-02T00:00:00Z"));
      const unknown = await store.revokeHook(uniqueHookId(), LATER);

      expect([first, again, unknown]).toEqual([true, false, false]);
      expect(await store.findHook(hook.id)).toEqual({ ...hook, revokedAt: LATER });
    });
  });

  describe("hook claims", () => {
    const hookVia = (hookId: string, requestId: string): string => `hook:${hookId}:${requestId}`;

    it("claims a hook request once, whatever commit or environment it resolves to later", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = hookVia(uniqueHookId(), "build-41");

      const first = await tryClaim(store, deployClaim(repoId, { via }));
      const sameAgain = await tryClaim(store, deployClaim(repoId, { via }));
      const movedOn = await tryClaim(store, deployClaim(repoId, { via, sha: sha("b") }));
      const elsewhere = await tryClaim(store, deployClaim(repoId, { via, environment: "staging" }));

      expect([first, sameAgain, movedOn, elsewhere]).toEqual([true, false, false, false]);
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(true);
    });

    it("keeps request ids of different hooks apart, and deploys a commit deployed before", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await tryClaim(store, deployClaim(repoId));
      await store.recordDeployment(deploymentRecord(repoId));

      const byOne = await tryClaim(store, deployClaim(repoId, { via: hookVia(uniqueHookId(), "1") }));
      const byOther = await tryClaim(store, deployClaim(repoId, { via: hookVia(uniqueHookId(), "1") }));

      expect([byOne, byOther]).toEqual([true, true]);
    });

    it("grants exactly one of concurrent claims of one request", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = hookVia(uniqueHookId(), "f00d.2026-01-01_x");
      const shas = ["a", "b"].map(sha);

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => tryClaim(store, deployClaim(repoId, { via, sha: shas[i % 2] ?? sha("a") }))),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("lets a request claim again after its claim was released", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = hookVia(uniqueHookId(), "retry-me");
      await tryClaim(store, deployClaim(repoId, { via }));

      await store.releaseDeployment(repoId, "production", sha("a"), via);
      const again = await tryClaim(store, deployClaim(repoId, { via, sha: sha("b") }));

      expect(again).toBe(true);
    });

    it("rejects a hook claim whose hook id or request id is malformed", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      await expect(tryClaim(store, deployClaim(repoId, { via: "hook:short:1" }))).rejects.toThrow();
      await expect(tryClaim(store, deployClaim(repoId, { via: hookVia(uniqueHookId(), "a b") }))).rejects.toThrow();
      await expect(tryClaim(store, deployClaim(repoId, { via: hookVia(uniqueHookId(), "") }))).rejects.toThrow();
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(false);
    });
  });

  describe("admin claims", () => {
    it("claims an admin request once, whatever commit or environment it resolves to later", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = "admin:build-41";

      const first = await tryClaim(store, deployClaim(repoId, { via }));
      const sameAgain = await tryClaim(store, deployClaim(repoId, { via }));
      const movedOn = await tryClaim(store, deployClaim(repoId, { via, sha: sha("b") }));
      const elsewhere = await tryClaim(store, deployClaim(repoId, { via, environment: "staging" }));
      const otherRepo = await tryClaim(store, deployClaim(uniqueRepoId(), { via }));

      expect([first, sameAgain, movedOn, elsewhere, otherRepo]).toEqual([true, false, false, false, true]);
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(true);
    });

    it("keeps admin and hook requests of the same id apart, and deploys a commit deployed before", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await tryClaim(store, deployClaim(repoId));
      await store.recordDeployment(deploymentRecord(repoId));

      const byAdmin = await tryClaim(store, deployClaim(repoId, { via: "admin:1" }));
      const byHook = await tryClaim(store, deployClaim(repoId, { via: `hook:${uniqueHookId()}:1` }));

      expect([byAdmin, byHook]).toEqual([true, true]);
    });

    it("grants exactly one of concurrent claims of one request, and again after a release", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const via = "admin:f00d.2026-01-01_x";
      const shas = ["a", "b"].map(sha);

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => tryClaim(store, deployClaim(repoId, { via, sha: shas[i % 2] ?? sha("a") }))),
      );
      const granted = results.findIndex(Boolean);
      await store.releaseDeployment(repoId, "production", shas[granted % 2] ?? sha("a"), via);
      const again = await tryClaim(store, deployClaim(repoId, { via, sha: sha("c") }));

      expect(results.filter(Boolean)).toHaveLength(1);
      expect(again).toBe(true);
    });

    it("rejects an admin claim whose request id is malformed", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      for (const via of ["admin:", "admin:a b", `admin:${"x".repeat(101)}`, "admin:a:b"]) {
        await expect(tryClaim(store, deployClaim(repoId, { via }))).rejects.toThrow();
      }
      expect(await hasClaimOrDeployment(store, repoId, "production", sha("a"))).toBe(false);
    });
  });
}
