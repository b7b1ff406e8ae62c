import { createHash } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { deriveRequestId, hookClaimKey, readRequestId } from "../../src/hooks/hook-request-id.js";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("readRequestId", () => {
  it.each([
    ["X-Hook-Delivery", { delivery: "build-41", requestId: "proxy-1" }, "build-41"],
    ["X-Request-Id when there is no X-Hook-Delivery", { delivery: undefined, requestId: "a.b_c-1" }, "a.b_c-1"],
    ["no id", { delivery: undefined, requestId: undefined }, undefined],
    ["a blank id as none", { delivery: " ", requestId: undefined }, undefined],
    ["an id with other characters as its SHA-256", { delivery: "{4c1e}", requestId: undefined }, sha256("{4c1e}")],
    ["an id over 100 characters as its SHA-256", { delivery: "a".repeat(101), requestId: undefined }, sha256("a".repeat(101))],
  ])("reads %s", (_name, headers, expected) => {
    expect(readRequestId(headers)).toBe(expected);
  });
});

describe("deriveRequestId", () => {
  const sha = "1".repeat(40);

  it("is the same for the same body, target and commit, and differs when any of them does", () => {
    const id = deriveRequestId('{"tag":"v1"}', undefined, sha);

    expect(deriveRequestId('{"tag":"v1"}', undefined, sha)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(
      new Set([
        id,
        deriveRequestId('{"tag":"v2"}', undefined, sha),
        deriveRequestId('{"tag":"v1"}', "staging", sha),
        deriveRequestId('{"tag":"v1"}', undefined, "2".repeat(40)),
      ]).size,
    ).toBe(4);
  });
});

describe("hookClaimKey", () => {
  it("names the hook and the request", () => {
    expect(hookClaimKey("A".repeat(22), "build-41")).toBe(`hook:${"A".repeat(22)}:build-41`);
  });
});
