import { describe, expect, it } from "@jest/globals";
import { suggestCommand } from "./suggest-command.js";

describe("suggestCommand", () => {
  it.each([
    ["deplyo", "deploy"],
    ["DEPLOI", "deploy"],
    ["deployed", "deploy"],
    ["rolback", "rollback"],
    ["lockz", "lock"],
    ["lcoks", "locks"],
    ["unlok", "unlock"],
    ["stauts", "status"],
    ["whyy", "why"],
    ["hepl", "help"],
    ["nop", "noop"],
    ["wh", undefined],
    ["de", undefined],
    ["shrug", undefined],
    ["usr/bin", undefined],
    ["deployment", undefined],
    ["x".repeat(10_000), undefined],
  ])("%j -> %j", (word, expected) => {
    const suggestion = suggestCommand(word);

    expect(suggestion).toBe(expected);
  });
});
