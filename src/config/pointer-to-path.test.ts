import { describe, expect, it } from "@jest/globals";
import { pointerToPath } from "./pointer-to-path.js";

const DOC = { production: { required_contexts: ["a", "b"] }, "1": { "a/b": { "c~d": 1 } } };

describe("pointerToPath", () => {
  it.each([
    ["", []],
    ["/production", ["production"]],
    ["/production/required_contexts/1", ["production", "required_contexts", 1]],
    ["/1", ["1"]],
    ["/1/a~1b/c~0d", ["1", "a/b", "c~d"]],
    ["/missing/0", ["missing", "0"]],
  ])("turns %j into %j", (pointer, expected) => {
    expect(pointerToPath(DOC, pointer)).toEqual(expected);
  });
});
