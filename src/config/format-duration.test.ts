import { describe, expect, it } from "@jest/globals";
import { formatDuration } from "./format-duration.js";
import { parseDuration } from "./parse-duration.js";

describe("formatDuration", () => {
  it.each<[number, string]>([
    [600_000, "10m"],
    [3_600_000, "1h"],
    [5_400_000, "1h30m"],
    [90_000, "1m30s"],
    [86_400_000 + 1_000, "1d1s"],
    [999, "0s"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each(["10m", "1h30m", "1d2h3m4s", "45s"])("reads back what parseDuration read: %s", (text) => {
    expect(formatDuration(parseDuration(text) ?? -1)).toBe(text);
  });
});
