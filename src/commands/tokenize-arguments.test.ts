import { describe, expect, it } from "@jest/globals";
import { isFlag, isPipe, tokenizeArguments, type Token } from "./tokenize-arguments.js";

function bare(text: string): Token {
  return { text, quoted: false };
}

function quoted(text: string): Token {
  return { text, quoted: true };
}

describe("tokenizeArguments", () => {
  it.each<[string, readonly Token[]]>([
    ["", []],
    ["   \t ", []],
    ["production main", [bare("production"), bare("main")]],
    ["  production \t main  ", [bare("production"), bare("main")]],
    ['"two words"', [quoted("two words")]],
    ['""', [quoted("")]],
    ['key="a value"', [bare("key=a value")]],
    ['"key"=value', [quoted("key=value")]],
    ['"say \\"hi\\""', [quoted('say "hi"')]],
    ['"C:\\\\dir"', [quoted("C:\\dir")]],
    ['"a\\nb"', [quoted("a\\nb")]],
    ["a\\b", [bare("a\\b")]],
    ["a|b", [bare("a"), bare("|"), bare("b")]],
    ["a | b", [bare("a"), bare("|"), bare("b")]],
    ['"a|b"', [quoted("a|b")]],
    ['"|"', [quoted("|")]],
    ["--force", [bare("--force")]],
    ['"--force"', [quoted("--force")]],
    ['--reason="x y"', [bare("--reason=x y")]],
  ])("%j", (text, expected) => {
    const result = tokenizeArguments(text);

    expect(result).toEqual({ ok: true, tokens: expected });
  });

  it.each(['"open', 'key="open', '"escaped quote \\"', 'a "b" "c'])("refuses the unclosed quote in %j", (text) => {
    const result = tokenizeArguments(text);

    expect(result).toEqual({ ok: false, message: expect.stringContaining("a double quote is not closed") });
  });
});

describe("isFlag and isPipe", () => {
  it.each<[Token, boolean, boolean]>([
    [bare("--force"), true, false],
    [bare("-f"), true, false],
    [quoted("--force"), false, false],
    [bare("|"), false, true],
    [quoted("|"), false, false],
    [bare("production"), false, false],
  ])("%j: flag %j, pipe %j", (token, flag, pipe) => {
    const results = [isFlag(token), isPipe(token)];

    expect(results).toEqual([flag, pipe]);
  });
});
