import { describe, expect, it } from "@jest/globals";
import { formatKeyPath } from "./format-key-path.js";

describe("formatKeyPath", () => {
  it.each([
    [[], ""],
    [["production"], "production"],
    [["production", "environment"], "production.environment"],
    [["targets", "production", "required_contexts", 1], "targets.production.required_contexts[1]"],
    [["targets", "eu.prod", "task"], 'targets["eu.prod"].task'],
    [["prod", "payload", "a key"], 'prod.payload["a key"]'],
    [[0], "[0]"],
  ] as const)("formats %j as %j", (path, expected) => {
    expect(formatKeyPath(path)).toBe(expected);
  });
});
