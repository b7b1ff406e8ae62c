import { DateTime } from "luxon";
import type { FreezeWindow } from "../config/model.js";

/** A freeze in force: the window that holds now, and when the freeze ends (windows that meet or overlap chained). */
export interface ActiveFreeze {
  readonly window: FreezeWindow;
  readonly endsAt: Date;
}

/** Windows chained into one freeze at most: a configuration frozen all week reports the end of this many. */
const MAX_CHAINED = 64;

/**
 * The freeze in force at `now`, or undefined. When windows meet or overlap (a Friday evening, then
 * the weekend), the freeze ends when the last of them does. Weekly windows are wall-clock times in
 * their time zone, daylight saving time included (a time the clock skips counts as after the jump:
 * 02:30 on the spring-forward night is 03:30).
 */
export function findFreeze(windows: readonly FreezeWindow[], now: Date): ActiveFreeze | undefined {
  const at = now.getTime();
  const holding = windows
    .map((window) => ({ window, end: occurrenceEnd(window, at) }))
    .filter((found): found is { window: FreezeWindow; end: number } => found.end !== undefined);
  const [first] = holding;
  if (first === undefined) return undefined;
  let end = Math.max(...holding.map((found) => found.end));
  for (let chained = 0; chained < MAX_CHAINED; chained += 1) {
    const later = Math.max(...windows.map((window) => occurrenceEnd(window, end) ?? end));
    if (later <= end) break;
    end = later;
  }
  return { window: first.window, endsAt: DateTime.fromMillis(end).toJSDate() };
}

/** When the occurrence of `window` that holds the instant `at` ends, or undefined when none holds it. */
function occurrenceEnd(window: FreezeWindow, at: number): number | undefined {
  if (window.kind === "dated") return window.startMs <= at && at < window.endMs ? window.endMs : undefined;
  const local = DateTime.fromMillis(at, { zone: window.timeZone });
  const crossesMidnight = window.toMinute <= window.fromMinute;
  // An occurrence that started yesterday may still run today.
  for (const daysBack of crossesMidnight ? [0, 1] : [0]) {
    const day = local.startOf("day").minus({ days: daysBack });
    if (!(window.days as readonly number[]).includes(day.weekday)) continue;
    const start = atMinute(day, window.fromMinute);
    const end = atMinute(crossesMidnight ? day.plus({ days: 1 }) : day, window.toMinute);
    if (start <= at && at < end) return end;
  }
  return undefined;
}

/** Epoch ms of a wall-clock minute of a day in its zone (1440: the next day's midnight). */
function atMinute(day: DateTime, minute: number): number {
  if (minute === 1440) return day.plus({ days: 1 }).startOf("day").toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
}

/** A freeze's end as people read it: in the window's time zone, and in UTC when that differs. */
export function describeFreezeEnd(freeze: ActiveFreeze): string {
  const local = DateTime.fromJSDate(freeze.endsAt, { zone: freeze.window.timeZone });
  const written = `${local.toFormat("ccc yyyy-MM-dd HH:mm")} ${freeze.window.timeZone}`;
  if (local.offset === 0) return written;
  return `${written} (${local.toUTC().toFormat("HH:mm")} UTC)`;
}

/** "production is frozen until … (reason)". */
export function describeFreeze(freeze: ActiveFreeze, environment: string): string {
  const reason = freeze.window.reason === null ? "" : ` (${freeze.window.reason})`;
  return `${environment} is frozen until ${describeFreezeEnd(freeze)}${reason}`;
}
