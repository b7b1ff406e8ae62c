import { describe, expect, it } from "@jest/globals";
import { editDistance } from "./edit-distance.js";

describe("editDistance", () => {
  it.each<[string, string, number]>([
    ["", "", 0],
    ["deploy", "deploy", 0],
    ["", "lock", 4],
    ["lock", "", 4],
    ["deploy", "deploi", 1],
    ["deploy", "deply", 1],
    ["deploy", "deployx", 1],
    ["deploy", "deplyo", 1],
    ["help", "hlep", 1],
    ["lock", "locks", 1],
    ["status", "stats", 1],
    ["rollback", "rolback", 1],
    ["noop", "onop", 1],
    ["deploy", "dpeloy", 1],
    ["ca", "abc", 3],
    ["kitten", "sitting", 3],
    ["Deploy", "deploy", 1],
    ["shrug", "status", 4],
  ])("%j to %j is %d", (a, b, expected) => {
    const forward = editDistance(a, b);
    const backward = editDistance(b, a);

    expect(forward).toBe(expected);
    expect(backward).toBe(expected);
  });
});
