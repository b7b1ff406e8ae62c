import { describe, expect, it } from "@jest/globals";
import { createHookSecret } from "../../src/hooks/create-hook-secret.js";
import { createHook, InvalidHookNameError } from "../../src/hooks/create-hook.js";
import { hashHookToken, verifyHookToken } from "../../src/hooks/verify-hook-token.js";
import type { NewHook } from "../../src/store/hook-store.js";

const input = { repoId: 5_000_000_001, owner: "acme", repo: "shop", installationId: 3_000_000_001, name: "dockerhub" };
const NOW = new Date("2026-01-01T10:00:00Z");

/** A store that keeps what it was given, to see what would be persisted. */
function recordingStore() {
  const stored: NewHook[] = [];
  return {
    stored,
    createHook: async (hook: NewHook, now: Date) => {
      stored.push(hook);
      return { ...hook, createdAt: now, revokedAt: null };
    },
  };
}

describe("createHookSecret", () => {
  it("makes a 22-character URL-safe id and a 43-character URL-safe token from random bytes", () => {
    const secret = createHookSecret();

    expect(secret.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(secret.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret.tokenHash).toBe(hashHookToken(secret.token));
  });

  it("asks for 16 random bytes for the id and 32 for the token", () => {
    const sizes: number[] = [];

    createHookSecret((size) => {
      sizes.push(size);
      return Buffer.alloc(size, 1);
    });

    expect(sizes).toEqual([16, 32]);
  });

  it("never repeats itself", () => {
    const secrets = Array.from({ length: 100 }, () => createHookSecret());

    expect(new Set(secrets.map((secret) => secret.id)).size).toBe(100);
    expect(new Set(secrets.map((secret) => secret.token)).size).toBe(100);
  });
});

describe("createHook", () => {
  it("stores the token's hash only and returns the token once", async () => {
    const store = recordingStore();

    const { hook, token } = await createHook(store, input, NOW);

    expect(store.stored).toEqual([{ ...input, id: hook.id, tokenHash: hashHookToken(token) }]);
    expect(JSON.stringify(store.stored)).not.toContain(token);
    expect(hook).toEqual({ ...input, id: hook.id, tokenHash: hashHookToken(token), createdAt: NOW, revokedAt: null });
    expect(verifyHookToken(token, hook.tokenHash)).toBe(true);
  });

  it.each(["DockerHub", "-hub", "", "a".repeat(41), "docker_hub"])("refuses the name %j with a typed error", async (name) => {
    const store = recordingStore();

    const created = createHook(store, { ...input, name }, NOW);

    await expect(created).rejects.toBeInstanceOf(InvalidHookNameError);
    await expect(created).rejects.toMatchObject({ code: "invalid_hook_name" });
    expect(store.stored).toEqual([]);
  });
});
