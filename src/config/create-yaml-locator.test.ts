import { describe, expect, it } from "@jest/globals";
import { createYamlLocator } from "./create-yaml-locator.js";

describe("createYamlLocator", () => {
  it("answers many lookups from one parse", () => {
    const locate = createYamlLocator("a:\n  b: 1\n  c:\n    - x\n    - y\n");

    expect([locate(["a", "b"]), locate(["a", "c", 1]), locate(["a", "missing"])]).toEqual([
      { line: 2, depth: 2 },
      { line: 5, depth: 3 },
      { line: 1, depth: 1 },
    ]);
  });

  it("does not treat a string segment as a list index", () => {
    expect(createYamlLocator("a:\n  - x\n")(["a", "0"])).toEqual({ line: 1, depth: 1 });
  });
});
