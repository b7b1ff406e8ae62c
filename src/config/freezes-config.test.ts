import { describe, expect, it } from "@jest/globals";
import type { ConfigProblem } from "./model.js";
import { parseConfigText, type ParseConfigResult } from "./parse-config.js";

const FILE = ".github/deploy.yml";

function problemsOf(result: ParseConfigResult): readonly ConfigProblem[] {
  if (result.ok) throw new Error(`expected problems, got a valid config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

const withFreezes = (freezes: string, targetFreezes = "") =>
  `version: 2\nfreezes:\n${freezes}targets:\n  production:\n    required_contexts: []\n${targetFreezes}  staging: {}\n`;

describe("freezes in .github/deploy.yml", () => {
  it("gives every target the file's windows, then its own, in the model's terms", () => {
    const result = parseConfigText(
      withFreezes(
        '  - days: [fri, sat, fri]\n    from: "16:00"\n    time_zone: Europe/Berlin\n    reason: Weekend\n',
        "    freezes:\n      - from: 2026-12-24\n        to: 2027-01-04T09:00\n        time_zone: America/New_York\n",
      ),
      FILE,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [production, staging] = result.config.targets;

    const weekly = {
      kind: "weekly",
      days: [5, 6],
      fromMinute: 960,
      toMinute: 1440,
      timeZone: "Europe/Berlin",
      reason: "Weekend",
    };
    expect(production?.freezes).toEqual([
      weekly,
      {
        kind: "dated",
        startMs: Date.parse("2026-12-24T05:00:00Z"),
        endMs: Date.parse("2027-01-04T14:00:00Z"),
        timeZone: "America/New_York",
        reason: null,
      },
    ]);
    expect(staging?.freezes).toEqual([weekly]);
  });

  it("takes a dated window's own offset, and UTC when no time zone is given", () => {
    const result = parseConfigText(withFreezes("  - from: 2026-12-24T18:00+01:00\n    to: 2026-12-25\n"), FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(result.config.targets[0]?.freezes).toEqual([
      {
        kind: "dated",
        startMs: Date.parse("2026-12-24T17:00:00Z"),
        endMs: Date.parse("2026-12-25T00:00:00Z"),
        timeZone: "UTC",
        reason: null,
      },
    ]);
  });

  it.each([
    [
      "an unknown time zone",
      "  - days: [sat]\n    time_zone: Europe/Berln\n",
      "freezes[0].time_zone",
      4,
      "`Europe/Berln` is not an IANA time zone; write one such as `Europe/Berlin`, `America/New_York` or `UTC`.",
    ],
    [
      "a date in a weekly window",
      "  - days: [sat]\n    from: 2026-12-24\n",
      "freezes[0].from",
      4,
      "a weekly window's `from` is a time of day, `00:00` to `23:59`, not `2026-12-24`.",
    ],
    [
      "a time of day in a dated window",
      '  - from: "16:00"\n    to: 2026-12-25\n',
      "freezes[0].from",
      3,
      "a dated window's `from` is a date such as `2026-12-24` or a date-time such as `2026-12-24T18:00`, not `16:00` (weekly windows name their `days`).",
    ],
    [
      "a dated window without its end",
      "  - from: 2026-12-24\n",
      "freezes[0].to",
      3,
      "a freeze window needs `days` (weekly) or both `from` and `to` dates (dated), e.g. `from: 2026-12-24` and `to: 2027-01-04`.",
    ],
    [
      "a window that ends before it starts",
      "  - from: 2026-12-24\n    to: 2026-12-20\n",
      "freezes[0].to",
      4,
      "the window ends (2026-12-20) before it starts (2026-12-24); `to` must be later.",
    ],
    ["a day that is not a day", "  - days: [friday]\n", "freezes[0].days[0]", 3, expect.stringContaining("`fri`")],
  ])("refuses %s, at its key and line", (_case, freezes, key, line, message) => {
    const [problem, ...rest] = problemsOf(parseConfigText(withFreezes(freezes), FILE));

    expect(rest).toEqual([]);
    expect(problem).toEqual({ file: FILE, key, ...(line === undefined ? {} : { line }), message });
  });

  it("checks a target's own windows too, at their path", () => {
    const [problem] = problemsOf(
      parseConfigText(withFreezes("  - days: [sun]\n", '    freezes:\n      - days: [mon]\n        to: "00:00"\n'), FILE),
    );

    expect(problem).toMatchObject({ key: "targets.production.freezes[0].to", line: 9 });
  });
});
