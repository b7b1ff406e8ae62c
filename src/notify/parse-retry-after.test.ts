import { describe, expect, it } from "@jest/globals";
import { parseRetryAfter } from "./parse-retry-after.js";

const NOW = new Date("2026-11-23T10:00:00.000Z");

describe("parseRetryAfter", () => {
  it.each<[string | undefined, number | undefined]>([
    ["7", 7000],
    [" 30 ", 30_000],
    ["0", 0],
    ["7200", 3_600_000],
    [new Date(NOW.getTime() + 90_000).toUTCString(), 90_000],
    ["Mon, 23 Nov 2026 10:02:00 GMT", 120_000],
    ["Mon, 23 Nov 2026 09:00:00 GMT", 0],
    ["Wed, 25 Nov 2026 10:00:00 GMT", 3_600_000],
    [undefined, undefined],
    ["", undefined],
    ["-1", undefined],
    ["7.5", undefined],
    ["soon", undefined],
  ])("%j → %j ms", (value, expected) => {
    const result = parseRetryAfter(value, NOW);

    expect(result).toBe(expected);
  });
});
