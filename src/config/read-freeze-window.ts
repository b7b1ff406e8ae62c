import { DateTime, IANAZone } from "luxon";
import type { FreezeWindow as FreezeWindowEntry } from "./config-types.js";
import type { FreezeWindow, IsoWeekday } from "./model.js";
import { WEEKDAYS } from "./schema.js";

/** A window as written, read into the model, or what is wrong with it (one sentence per key). */
export type FreezeWindowReading =
  | { readonly ok: true; readonly window: FreezeWindow }
  | { readonly ok: false; readonly problems: readonly { readonly key: string; readonly message: string }[] };

const TIME_OF_DAY = /^(?:([01][0-9]|2[0-3]):([0-5][0-9])|24:00)$/;
const DEFAULT_TIME_ZONE = "UTC";

/**
 * Reads one `freezes` entry the schema let through: a weekly window (`days`, times of day) or a
 * dated one (`from` and `to` dates), in an IANA time zone. Dated times without an offset are in
 * `time_zone`; a date alone is its midnight.
 */
export function readFreezeWindow(entry: FreezeWindowEntry): FreezeWindowReading {
  const timeZone = entry.time_zone ?? DEFAULT_TIME_ZONE;
  const reason = entry.reason ?? null;
  if (!IANAZone.isValidZone(timeZone)) {
    return fail(
      "time_zone",
      `\`${timeZone}\` is not an IANA time zone; write one such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\`.`,
    );
  }
  if (entry.days !== undefined) {
    const from = minuteOfDay(entry.from ?? "00:00");
    const to = minuteOfDay(entry.to ?? "24:00");
    const problems = [
      ...(from === undefined || from === 1440 ? [timeOfDayProblem("from", entry.from)] : []),
      ...(to === undefined || to === 0 ? [timeOfDayProblem("to", entry.to)] : []),
    ];
    if (problems.length > 0 || from === undefined || to === undefined) return { ok: false, problems };
    const days = [...new Set(entry.days.map((day) => (WEEKDAYS.indexOf(day) + 1) as IsoWeekday))];
    return { ok: true, window: { kind: "weekly", days, fromMinute: from, toMinute: to, timeZone, reason } };
  }
  if (entry.from === undefined || entry.to === undefined) {
    const missing = entry.from === undefined ? "from" : "to";
    return fail(
      missing,
      `a freeze window needs \`days\` (weekly) or both \`from\` and \`to\` dates (dated), e.g. \`from: 2026-12-24\` and \`to: 2027-01-04\`.`,
    );
  }
  const start = instant(entry.from, timeZone);
  const end = instant(entry.to, timeZone);
  const problems = [
    ...(start === undefined ? [datedProblem("from", entry.from)] : []),
    ...(end === undefined ? [datedProblem("to", entry.to)] : []),
  ];
  if (start === undefined || end === undefined) return { ok: false, problems };
  if (end <= start) return fail("to", `the window ends (${entry.to}) before it starts (${entry.from}); \`to\` must be later.`);
  return { ok: true, window: { kind: "dated", startMs: start, endMs: end, timeZone, reason } };
}

function fail(key: string, message: string): FreezeWindowReading {
  return { ok: false, problems: [{ key, message }] };
}

/** Minutes after midnight of `HH:MM` (`24:00` is 1440), or undefined for anything else. */
function minuteOfDay(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (match === null) return undefined;
  return match[1] === undefined ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

function timeOfDayProblem(key: "from" | "to", value: string | undefined) {
  const allowed = key === "from" ? "`00:00` to `23:59`" : "`00:01` to `24:00`";
  return { key, message: `a weekly window's \`${key}\` is a time of day, ${allowed}, not \`${value ?? ""}\`.` };
}

function datedProblem(key: "from" | "to", value: string) {
  return {
    key,
    message: `a dated window's \`${key}\` is a date such as \`2026-12-24\` or a date-time such as \`2026-12-24T18:00\`, not \`${value}\` (weekly windows name their \`days\`).`,
  };
}

/** Epoch ms of an ISO date or date-time in `timeZone` (its own offset wins), or undefined when it is no such thing. */
function instant(text: string, timeZone: string): number | undefined {
  if (!/^[0-9]{4}-/.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { zone: timeZone });
  return parsed.isValid ? parsed.toMillis() : undefined;
}
