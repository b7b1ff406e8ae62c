import { describe, expect, it } from "@jest/globals";
import { MERGE_GROUP_MEMORY_MS } from "../domain/merge-groups.js";
import { checkCoalesce } from "./check-coalesce.js";
import type { TargetV2 } from "./config-types.js";
import { parseDuration } from "./parse-duration.js";
import { MAX_GROUP_TIMEOUT } from "./schema.js";

const targets = (coalesce: TargetV2["coalesce"]) => [
  { name: "production", path: ["targets", "production"], target: coalesce === undefined ? {} : { coalesce } },
];

describe("checkCoalesce", () => {
  it.each([
    ["no coalesce", undefined],
    ["coalesce: true", true],
    ["coalesce: false", false],
    ["no group_timeout", {}],
    ["an hour", { group_timeout: "1h" }],
    ["exactly the longest", { group_timeout: "24h" }],
    ["a day written in days", { group_timeout: "1d" }],
  ])("accepts %s", (_name, coalesce) => {
    expect(checkCoalesce(targets(coalesce))).toEqual([]);
  });

  it("rejects a group_timeout longer than merge groups are remembered, at the key", () => {
    expect(checkCoalesce(targets({ group_timeout: "24h1m" }))).toEqual([
      {
        path: ["targets", "production", "coalesce", "group_timeout"],
        message: "`group_timeout: 24h1m` is longer than 24h, how long Deliverybot remembers merge groups; write at most `24h`.",
      },
    ]);
  });

  it("names as the longest timeout how long merge groups are remembered", () => {
    expect(parseDuration(MAX_GROUP_TIMEOUT)).toBe(MERGE_GROUP_MEMORY_MS);
  });
});
