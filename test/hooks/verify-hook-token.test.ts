import { createHash } from "node:crypto";
import { describe, expect, it, jest } from "@jest/globals";
import { checkHookAccess, hashHookToken, verifyHookToken } from "../../src/hooks/verify-hook-token.js";

const TOKEN = "q7GmZ0nY0wJj3S8yS2M8i4m9v0H1x8b0l7B9kq5oRZE";
const HASH = hashHookToken(TOKEN);
const active = { tokenHash: HASH, revokedAt: null };

describe("hashHookToken", () => {
  it("is the lower-case hex SHA-256 of the token, never the token", () => {
    expect(HASH).toBe(createHash("sha256").update(TOKEN).digest("hex"));
    expect(HASH).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("verifyHookToken", () => {
  it.each([
    ["the right token", TOKEN, true],
    ["a wrong token of the same length", `${TOKEN.slice(0, -1)}x`, false],
    ["a shorter token", TOKEN.slice(0, 10), false],
    ["a much longer token", TOKEN.repeat(100), false],
    ["an empty token", "", false],
    ["no token", undefined, false],
  ])("answers %s with %s", (_name, presented, expected) => {
    expect(verifyHookToken(presented, HASH)).toBe(expected);
  });

  it("compares two 32-byte SHA-256 digests with the constant-time comparator, whatever the tokens' lengths", () => {
    const compare = jest.fn((a: Buffer, b: Buffer) => a.equals(b));

    for (const presented of [TOKEN, "short", TOKEN.repeat(10)]) verifyHookToken(presented, HASH, compare);

    expect(compare).toHaveBeenCalledTimes(3);
    for (const [a, b] of compare.mock.calls) {
      expect([a.length, b.length]).toEqual([32, 32]);
      expect(b.toString("hex")).toBe(HASH);
    }
    expect(compare.mock.calls.map(([a]) => a.toString("hex"))).toEqual([
      HASH,
      hashHookToken("short"),
      hashHookToken(TOKEN.repeat(10)),
    ]);
  });

  it("uses node's timingSafeEqual by default, which throws on unequal lengths, so digests must be what it sees", () => {
    expect(() => verifyHookToken("a", HASH)).not.toThrow();
    expect(() => verifyHookToken("a".repeat(10_000), HASH)).not.toThrow();
  });

  it("never matches a malformed stored hash, and never hands it to the comparator", () => {
    const compare = jest.fn(() => true);

    expect(verifyHookToken(TOKEN, "not-hex", compare)).toBe(false);
    expect(compare).not.toHaveBeenCalled();
  });
});

describe("checkHookAccess", () => {
  it.each([
    ["an active hook and its token", active, TOKEN, "granted"],
    ["an active hook and a wrong token", active, "wrong", "unauthorized"],
    ["an active hook and no token", active, undefined, "unauthorized"],
    ["a revoked hook, even with its token", { tokenHash: HASH, revokedAt: new Date() }, TOKEN, "unknown_hook"],
    ["no hook", undefined, TOKEN, "unknown_hook"],
  ] as const)("answers %s with %s", (_name, hook, presented, expected) => {
    expect(checkHookAccess(hook, presented)).toBe(expected);
  });

  it("does not look at the token of a revoked hook", () => {
    const compare = jest.fn(() => true);

    checkHookAccess({ tokenHash: HASH, revokedAt: new Date() }, TOKEN, compare);

    expect(compare).not.toHaveBeenCalled();
  });
});
