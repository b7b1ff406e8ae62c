import { describe, expect, it } from "@jest/globals";
import { mergeConfigs } from "./merge-config.js";

describe("mergeConfigs", () => {
  it.each([
    ["no documents", [], {}],
    ["one document", [{ a: 1 }], { a: 1 }],
    ["later wins for scalars", [{ a: 1, b: 2 }, { a: 3 }], { a: 3, b: 2 }],
    [
      "mappings merge deeply",
      [{ prod: { task: "deploy", payload: { x: 1 } } }, { prod: { payload: { y: 2 } } }],
      { prod: { task: "deploy", payload: { x: 1, y: 2 } } },
    ],
    [
      "lists are replaced, not concatenated",
      [{ prod: { required_contexts: ["ci/a", "ci/b"] } }, { prod: { required_contexts: [] } }],
      { prod: { required_contexts: [] } },
    ],
    ["a mapping replaces a scalar", [{ a: "x" }, { a: { b: 1 } }], { a: { b: 1 } }],
    ["a scalar replaces a mapping", [{ a: { b: 1 } }, { a: "x" }], { a: "x" }],
    ["an explicit null wins", [{ a: 1 }, { a: null }], { a: null }],
    ["missing files are skipped", [null, { a: 1 }, undefined], { a: 1 }],
    ["three levels, base first", [{ a: 1, b: 1, c: 1 }, { b: 2, c: 2 }, { c: 3 }], { a: 1, b: 2, c: 3 }],
  ])("%s", (_name, configs, expected) => {
    expect(mergeConfigs(configs)).toEqual(expected);
  });

  it("does not change its inputs", () => {
    const base = { prod: { payload: { x: 1 } } };
    const repo = { prod: { payload: { y: 2 } } };

    mergeConfigs([base, repo]);

    expect(base).toEqual({ prod: { payload: { x: 1 } } });
    expect(repo).toEqual({ prod: { payload: { y: 2 } } });
  });

  it("keeps a __proto__ key as data", () => {
    const hostile: unknown = JSON.parse('{"__proto__": {"polluted": true}}');

    const merged = mergeConfigs([{ a: 1 }, hostile]) as object;

    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
