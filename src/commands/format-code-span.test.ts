import { describe, expect, it } from "@jest/globals";
import { formatCodeSpan } from "./format-code-span.js";

describe("formatCodeSpan", () => {
  it.each([
    ["/deploy", "`/deploy`"],
    ["a`b", "``a`b``"],
    ["a``b`", "``` a``b` ```"],
    ["`x", "`` `x ``"],
    ["line1\nline2\r\nline3", "`line1 line2 line3`"],
    ["<b>*not bold*</b>", "`<b>*not bold*</b>`"],
  ])("%j -> %j", (text, expected) => {
    const result = formatCodeSpan(text);

    expect(result).toBe(expected);
  });
});
