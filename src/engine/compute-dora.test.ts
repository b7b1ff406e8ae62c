import { describe, expect, it } from "@jest/globals";
import { computeDora, doraWindowStartMs, type DoraDeployment, type DoraMetrics } from "./compute-dora.js";

const NOW = new Date("2026-12-07T12:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Midnight UTC on 1 December, the first day of the 7-day window ending on 7 December. */
const FIRST_DAY = Date.parse("2026-12-01T00:00:00Z");
const at = (hours: number) => new Date(FIRST_DAY + hours * HOUR);

type Fields = Partial<Omit<DoraDeployment, "statuses">>;

let nextId = 1;
/** A deployment to production created at `hours` after the window's start, with statuses `[state, minutes after creation]`. */
function deployment(
  hours: number,
  sha: string,
  statuses: readonly (readonly [string, number])[],
  fields: Fields = {},
): DoraDeployment {
  const createdAt = at(hours);
  const id = nextId++;
  return {
    id,
    environment: "production",
    sha,
    createdAt,
    commitTime: new Date(createdAt.getTime() - HOUR),
    statuses: statuses.map(([state, minutes], index) => ({
      id: id * 100 + index,
      state,
      createdAt: new Date(createdAt.getTime() + minutes * MINUTE),
    })),
    ...fields,
  };
}
const STARTED_THEN_SUCCEEDED = [
  ["in_progress", 1],
  ["success", 10],
] as const;
const STARTED_THEN_FAILED = [
  ["in_progress", 1],
  ["failure", 5],
] as const;
const succeeded = (hours: number, sha: string, fields: Fields = {}) => deployment(hours, sha, STARTED_THEN_SUCCEEDED, fields);
const failed = (hours: number, sha: string, fields: Fields = {}) => deployment(hours, sha, STARTED_THEN_FAILED, fields);

const week = (deployments: readonly DoraDeployment[]) => computeDora(deployments, { now: NOW, days: 7 });

describe("computeDora: the four keys over a window", () => {
  it("answers an empty history with zero counts and nothing to measure", () => {
    const expected: DoraMetrics = {
      days: 7,
      fromMs: FIRST_DAY,
      toMs: Date.parse("2026-12-08T00:00:00Z"),
      frequency: { succeeded: 0, perDay: 0 },
      leadTime: { count: 0, medianMs: null, p90Ms: null, unknownCommitTime: 0 },
      changeFailure: { finished: 0, failed: 0, rolledBack: 0, rate: null },
      timeToRestore: { count: 0, medianMs: null, p90Ms: null, unrestored: 0 },
      daily: Array.from({ length: 7 }, (_, day) => ({ startMs: FIRST_DAY + day * 24 * HOUR, succeeded: 0, failed: 0 })),
    };

    const metrics = week([]);

    expect(metrics).toEqual(expected);
  });

  it("starts the window at midnight UTC, days - 1 days before today", () => {
    expect(doraWindowStartMs(NOW, 7)).toBe(FIRST_DAY);
    expect(doraWindowStartMs(NOW, 30)).toBe(Date.parse("2026-11-08T00:00:00Z"));
    expect(doraWindowStartMs(new Date("2026-12-07T00:00:00Z"), 7)).toBe(FIRST_DAY);
  });

  it.each<[string, readonly DoraDeployment[], Partial<DoraMetrics>]>([
    [
      "counts deployments from the window's first millisecond, not one before",
      [succeeded(-1 / HOUR, "a"), succeeded(0, "b"), failed(6 * 24 + 11, "c")],
      { frequency: { succeeded: 1, perDay: 1 / 7 }, changeFailure: { finished: 2, failed: 1, rolledBack: 0, rate: 0.5 } },
    ],
    [
      "takes the newest status by id, whatever the order it came in; ignores inactive and unknown states",
      [
        { ...succeeded(1, "a"), statuses: [...succeeded(1, "a").statuses].reverse() },
        {
          ...succeeded(2, "b"),
          statuses: [
            { id: 9_002, state: "exploded", createdAt: at(2.5) },
            { id: 9_001, state: "inactive", createdAt: at(2.4) },
            { id: 9_000, state: "success", createdAt: at(2.2) },
          ],
        },
        // The failure was reported last, though GitHub's clock put it first.
        deployment(3, "c", [
          ["success", 30],
          ["failure", 10],
        ]),
        deployment(4, "d", [
          ["success", 10],
          ["in_progress", 20],
        ]),
        deployment(5, "e", []),
      ],
      {
        frequency: { succeeded: 2, perDay: 2 / 7 },
        changeFailure: { finished: 3, failed: 1, rolledBack: 0, rate: 1 / 3 },
      },
    ],
    [
      "measures lead time to each commit's first success, leaves unknown commit times out and counts them",
      [
        succeeded(1, "a", { commitTime: at(0) }),
        succeeded(2, "b", { commitTime: at(-2) }),
        succeeded(3, "c", { commitTime: null }),
        // A redeploy of a commit is not a new change.
        succeeded(4, "a", { commitTime: at(-100) }),
        // A commit time after the success (a skewed clock) counts as no time.
        succeeded(5, "d", { commitTime: at(9) }),
        failed(6, "e", { commitTime: at(0) }),
      ],
      {
        leadTime: { count: 3, medianMs: 70 * MINUTE, p90Ms: 0.8 * (250 * MINUTE) + 0.2 * (70 * MINUTE), unknownCommitTime: 1 },
      },
    ],
    [
      "does not count as a change a commit that succeeded before the window",
      [succeeded(-30, "a"), succeeded(1, "b"), succeeded(2, "a")],
      { leadTime: { count: 1, medianMs: 70 * MINUTE, p90Ms: 70 * MINUTE, unknownCommitTime: 0 } },
    ],
    [
      "counts a deployment the environment went back from as rolled back, once, even when the earlier success predates the window",
      [succeeded(-30, "a"), succeeded(1, "b"), deployment(2, "a", [["in_progress", 1]]), succeeded(3, "a")],
      { changeFailure: { finished: 2, failed: 0, rolledBack: 1, rate: 0.5 } },
    ],
    [
      "sees no rollback in a redeploy of the current commit, a new commit, or another environment's history",
      [succeeded(1, "a"), succeeded(2, "b"), succeeded(3, "b"), succeeded(4, "a", { environment: "staging" }), succeeded(5, "c")],
      { changeFailure: { finished: 5, failed: 0, rolledBack: 0, rate: 0 } },
    ],
    [
      "times an outage from its first failure to the next success; one not restored yet is counted apart",
      [
        succeeded(1, "a"),
        failed(2, "b"),
        failed(3, "c"),
        deployment(4, "d", [["in_progress", 1]]),
        succeeded(5, "e"),
        failed(10, "f"),
        succeeded(12, "g"),
        failed(20, "h"),
      ],
      {
        timeToRestore: {
          count: 2,
          medianMs: 0.5 * (3 * HOUR + 5 * MINUTE) + 0.5 * (2 * HOUR + 5 * MINUTE),
          p90Ms: 0.1 * (2 * HOUR + 5 * MINUTE) + 0.9 * (3 * HOUR + 5 * MINUTE),
          unrestored: 1,
        },
      },
    ],
    [
      "leaves out an outage that began before the window",
      [failed(-5, "a"), failed(1, "b"), succeeded(2, "c")],
      { timeToRestore: { count: 0, medianMs: null, p90Ms: null, unrestored: 0 } },
    ],
  ])("%s", (_, deployments, expected) => {
    expect(week(deployments)).toMatchObject(expected);
  });

  it("draws a daily series of succeeded and failed deployments, by the UTC day they were created", () => {
    const metrics = week([succeeded(0, "a"), succeeded(23.9, "b"), failed(24, "c"), succeeded(6 * 24 + 11, "d")]);

    expect(metrics.daily.map((day) => [day.succeeded, day.failed])).toEqual([
      [2, 0],
      [0, 1],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(new Date(metrics.daily[6]?.startMs ?? 0).toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });

  it("computes each environment apart, then counts them together", () => {
    const metrics = week([
      failed(1, "a", { environment: "staging" }),
      succeeded(2, "a"),
      succeeded(3, "b", { environment: "staging" }),
    ]);

    expect(metrics.frequency.succeeded).toBe(2);
    expect(metrics.timeToRestore).toEqual({
      count: 1,
      medianMs: 2 * HOUR + 5 * MINUTE,
      p90Ms: 2 * HOUR + 5 * MINUTE,
      unrestored: 0,
    });
  });
});
