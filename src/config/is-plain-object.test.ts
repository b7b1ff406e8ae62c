import { describe, expect, it } from "@jest/globals";
import { isPlainObject } from "./is-plain-object.js";

describe("isPlainObject", () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [Object.create(null), true],
    [[], false],
    [null, false],
    ["x", false],
    [new Date(0), false],
    [new Map(), false],
  ])("%p -> %s", (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });
});
