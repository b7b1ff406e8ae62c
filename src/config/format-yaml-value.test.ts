import { describe, expect, it } from "@jest/globals";
import { formatYamlValue } from "./format-yaml-value.js";

describe("formatYamlValue", () => {
  it.each([
    ["refs/heads/main", "refs/heads/main"],
    [["ci/build", "ci/test"], "[ ci/build, ci/test ]"],
    [{ port: 8080 }, "{ port: 8080 }"],
    [true, "true"],
    [null, "null"],
    ["", '""'],
    ["x".repeat(100), `${"x".repeat(60)}…`],
  ])("formats %j", (value, expected) => {
    expect(formatYamlValue(value)).toBe(expected);
  });
});
