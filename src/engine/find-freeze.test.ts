import { describe, expect, it } from "@jest/globals";
import type { FreezeWindow, IsoWeekday } from "../config/model.js";
import { describeFreeze, findFreeze } from "./find-freeze.js";

const MON = 1;
const FRI = 5;
const SAT = 6;
const SUN = 7;
const EVERY_DAY: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function weekly(days: IsoWeekday[], from: string, to: string, timeZone: string, reason: string | null = null): FreezeWindow {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return { kind: "weekly", days, fromMinute: minute(from), toMinute: minute(to), timeZone, reason };
}

function dated(start: string, end: string, timeZone: string, reason: string | null = null): FreezeWindow {
  return { kind: "dated", startMs: Date.parse(start), endMs: Date.parse(end), timeZone, reason };
}

/** Friday 16:00 to Monday 09:00 in Berlin, as three windows that meet. */
const WEEKEND_BERLIN = [
  weekly([FRI], "16:00", "24:00", "Europe/Berlin", "Weekend freeze"),
  weekly([SAT, SUN], "00:00", "24:00", "Europe/Berlin", "Weekend freeze"),
  weekly([MON], "00:00", "09:00", "Europe/Berlin", "Weekend freeze"),
];

const endOf = (windows: readonly FreezeWindow[], at: string) => findFreeze(windows, new Date(at))?.endsAt.toISOString();

describe("findFreeze: the freeze in force at a time, and its end", () => {
  it.each([
    ["Friday 15:59 in Berlin: not yet", "2026-12-11T14:59:00Z", undefined],
    ["Friday 16:00 in Berlin: until Monday 09:00 (08:00 UTC in winter)", "2026-12-11T15:00:00Z", "2026-12-14T08:00:00.000Z"],
    ["Saturday noon: the same freeze, chained through Sunday", "2026-12-12T11:00:00Z", "2026-12-14T08:00:00.000Z"],
    ["Monday 08:59 in Berlin: still", "2026-12-14T07:59:00Z", "2026-12-14T08:00:00.000Z"],
    ["Monday 09:00 in Berlin: over (the end is not frozen)", "2026-12-14T08:00:00Z", undefined],
    ["Wednesday: nothing", "2026-12-09T12:00:00Z", undefined],
  ])("weekly windows that meet: %s", (_case, at, end) => {
    expect(endOf(WEEKEND_BERLIN, at)).toBe(end);
  });

  it.each([
    ["23:00 in New York, Monday", "2026-12-08T04:00:00Z", "2026-12-08T11:00:00.000Z"],
    ["03:00 in New York, Tuesday: yesterday's window still runs", "2026-12-08T08:00:00Z", "2026-12-08T11:00:00.000Z"],
    ["06:00: over", "2026-12-08T11:00:00Z", undefined],
    ["21:59: not yet", "2026-12-08T02:59:00Z", undefined],
  ])("a nightly window across midnight (22:00 to 06:00): %s", (_case, at, end) => {
    expect(endOf([weekly(EVERY_DAY, "22:00", "06:00", "America/New_York")], at)).toBe(end);
  });

  it.each([
    // Berlin springs forward on 28 March 2027 at 02:00 (CET, UTC+1) to 03:00 (CEST, UTC+2).
    [
      "Berlin, spring forward: 01:00–04:00 wall clock is two real hours",
      "Europe/Berlin",
      "2027-03-28T00:30:00Z",
      "2027-03-28T02:00:00.000Z",
    ],
    // New York falls back on 1 November 2026 at 02:00 (EDT, UTC-4) to 01:00 (EST, UTC-5).
    [
      "New York, fall back: 00:00–03:00 wall clock is four real hours",
      "America/New_York",
      "2026-11-01T07:30:00Z",
      "2026-11-01T08:00:00.000Z",
    ],
  ])("daylight saving time: %s", (_case, timeZone, at, end) => {
    const window =
      timeZone === "Europe/Berlin" ? weekly([SUN], "01:00", "04:00", timeZone) : weekly([SUN], "00:00", "03:00", timeZone);

    expect(endOf([window], at)).toBe(end);
  });

  it("holds the hour after New York's fall-back inside a window, and not before it starts", () => {
    const window = weekly([SUN], "00:00", "03:00", "America/New_York");

    // 01:30 EDT, then 01:30 EST an hour later: both inside.
    expect(endOf([window], "2026-11-01T05:30:00Z")).toBe("2026-11-01T08:00:00.000Z");
    expect(endOf([window], "2026-11-01T06:30:00Z")).toBe("2026-11-01T08:00:00.000Z");
    // Saturday 23:59 EDT.
    expect(endOf([window], "2026-11-01T03:59:00Z")).toBeUndefined();
  });

  it("reads dated windows from their start (inclusive) to their end (exclusive)", () => {
    const holidays = [dated("2026-12-23T23:00:00Z", "2027-01-03T23:00:00Z", "Europe/Berlin", "Holidays")];

    expect(endOf(holidays, "2026-12-23T22:59:59Z")).toBeUndefined();
    expect(endOf(holidays, "2026-12-23T23:00:00Z")).toBe("2027-01-03T23:00:00.000Z");
    expect(endOf(holidays, "2027-01-03T23:00:00Z")).toBeUndefined();
  });

  it("chains overlapping and adjoining windows of both kinds into one freeze", () => {
    // Until Sunday 27 December, 00:00 UTC; then all of Sunday (UTC); then nothing.
    const windows = [dated("2026-12-24T00:00:00Z", "2026-12-27T00:00:00Z", "UTC"), weekly([SUN], "00:00", "24:00", "UTC")];
    const overlapping = [
      dated("2026-12-24T00:00:00Z", "2026-12-26T12:00:00Z", "UTC"),
      dated("2026-12-26T00:00:00Z", "2026-12-26T18:00:00Z", "UTC"),
    ];

    expect(endOf(windows, "2026-12-25T12:00:00Z")).toBe("2026-12-28T00:00:00.000Z");
    expect(endOf(overlapping, "2026-12-24T12:00:00Z")).toBe("2026-12-26T18:00:00.000Z");
    expect(endOf(overlapping, "2026-12-26T17:00:00Z")).toBe("2026-12-26T18:00:00.000Z");
  });

  it("stops chaining a window that never ends, naming an end weeks away", () => {
    const always = [weekly(EVERY_DAY, "00:00", "24:00", "UTC")];
    const freeze = findFreeze(always, new Date("2026-12-07T12:00:00Z"));

    expect(freeze?.endsAt.getTime()).toBeGreaterThan(Date.parse("2027-01-31T00:00:00Z"));
  });

  it("says when the freeze ends in the window's zone, with UTC beside it, and why", () => {
    const freeze = findFreeze(WEEKEND_BERLIN, new Date("2026-12-12T11:00:00Z"));
    const utc = findFreeze([dated("2026-12-24T00:00:00Z", "2026-12-27T00:00:00Z", "UTC")], new Date("2026-12-25T00:00:00Z"));

    expect(freeze === undefined ? "" : describeFreeze(freeze, "production")).toBe(
      "production is frozen until Mon 2026-12-14 09:00 Europe/Berlin (08:00 UTC) (Weekend freeze)",
    );
    expect(utc === undefined ? "" : describeFreeze(utc, "staging")).toBe("staging is frozen until Sun 2026-12-27 00:00 UTC");
  });
});
