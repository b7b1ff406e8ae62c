import { describe, expect, it } from "@jest/globals";
import { parseDuration } from "./parse-duration.js";

describe("parseDuration", () => {
  it.each<[string, number | undefined]>([
    ["30s", 30_000],
    ["15m", 900_000],
    ["2h", 7_200_000],
    ["1d", 86_400_000],
    ["1h30m", 5_400_000],
    ["1d12h", 129_600_000],
    ["1d2h3m4s", 93_784_000],
    ["2H", 7_200_000],
    ["90m", 5_400_000],
    ["0m", 0],
    ["007m", 420_000],
    ["", undefined],
    ["2", undefined],
    ["h", undefined],
    ["2x", undefined],
    ["2 h", undefined],
    [" 2h", undefined],
    ["30m1h", undefined],
    ["1h1h", undefined],
    ["1.5h", undefined],
    ["-2h", undefined],
    ["+2h", undefined],
    ["2h\n", undefined],
    ["１h", undefined],
    ["99999999999999999999d", undefined],
  ])("%j -> %j", (text, expected) => {
    const result = parseDuration(text);

    expect(result).toBe(expected);
  });
});
