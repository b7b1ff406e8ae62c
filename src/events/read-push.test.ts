import { describe, expect, it } from "@jest/globals";
import { loadPayload } from "../../test/helpers/payloads.js";
import { MAX_PUSH_COMMIT_TIMES, readPush } from "./read-push.js";

const HEAD = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

describe("readPush: the commit times of a push", () => {
  it("reads the head commit's time from a real payload", () => {
    const push = loadPayload("push");

    expect(readPush(push).commitTimes).toEqual([{ sha: HEAD, committedAt: new Date("2019-05-15T15:20:41Z") }]);
  });

  it("reads each pushed commit once, its time zone taken into account, and skips unreadable timestamps", () => {
    const push = loadPayload("push", {
      edit: (p) => {
        const [commit] = loadPayload("push", { index: 4 }).commits;
        if (commit === undefined || p.head_commit === null) throw new Error("the example has no commit");
        p.commits = [
          { ...commit, id: "a".repeat(40), timestamp: "2026-12-07T10:00:00+02:00" },
          { ...commit, id: HEAD, timestamp: "2026-12-07T09:00:00Z" },
          { ...commit, id: "b".repeat(40), timestamp: "not a time" },
        ];
      },
    });

    expect(readPush(push).commitTimes).toEqual([
      { sha: HEAD, committedAt: new Date("2019-05-15T15:20:41Z") },
      { sha: "a".repeat(40), committedAt: new Date("2026-12-07T08:00:00Z") },
    ]);
  });

  it(`keeps at most ${MAX_PUSH_COMMIT_TIMES}, the head commit first`, () => {
    const push = loadPayload("push", {
      index: 4,
      edit: (p) => {
        const [commit] = p.commits;
        if (commit === undefined) throw new Error("the example has no commit");
        p.commits = Array.from({ length: 3000 }, (_, index) => ({ ...commit, id: index.toString(16).padStart(40, "0") }));
      },
    });

    const times = readPush(push).commitTimes;

    expect(times).toHaveLength(MAX_PUSH_COMMIT_TIMES);
    expect(times[0]?.sha).toBe(HEAD);
  });

  it("reads no commit time from a deleted ref", () => {
    const deleted = loadPayload("push", { index: 1 });

    expect(readPush(deleted)).toEqual(expect.objectContaining({ deleted: true, commitTimes: [] }));
  });
});
