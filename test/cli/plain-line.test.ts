import { describe, expect, it } from "@jest/globals";
import { toPlainLine } from "../../src/cli/plain-line.js";
import { suggestCliCommand } from "../../src/cli/suggest-cli-command.js";

describe("toPlainLine", () => {
  it.each([
    ["plain `code` and **stars** stay as written", "plain `code` and **stars** stay as written"],
    ["two\nlines\r\nand\ta tab", "two lines and a tab"],
    ["\u001b[2Jcleared", "\\u001b[2Jcleared"],
    ["admin\u202Etxt.exe", "admin\\u202etxt.exe"],
    ["bell\u0007 and C1 \u009b", "bell\\u0007 and C1 \\u009b"],
  ])("%j -> %j", (text, expected) => {
    expect(toPlainLine(text)).toBe(expected);
  });
});

describe("suggestCliCommand", () => {
  it.each<[string, string | undefined]>([
    ["valdiate", "validate"],
    ["VALIDATE", "validate"],
    ["hlep", "help"],
    ["deplyo", "deploy"],
    ["va", undefined],
    ["x".repeat(10_000), undefined],
    ["unrelated", undefined],
  ])("%j -> %j", (word, expected) => {
    expect(suggestCliCommand(word)).toBe(expected);
  });
});
