const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;

// Units from largest to smallest, each at most once: 1d, 2h, 15m, 30s, 1h30m, 1d12h.
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;

/**
 * Milliseconds in a duration written as whole days, hours, minutes and seconds, largest unit
 * first (`30s`, `15m`, `2h`, `1d`, `1h30m`, case-insensitive); `undefined` when it is not one,
 * or is too large to count in milliseconds exactly. `0m` is 0: whether that makes sense is the
 * caller's question.
 */
export function parseDuration(text: string): number | undefined {
  const match = text === "" ? null : DURATION.exec(text);
  if (match === null) return undefined;
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * UNIT_MS.d +
    Number(hours ?? 0) * UNIT_MS.h +
    Number(minutes ?? 0) * UNIT_MS.m +
    Number(seconds ?? 0) * UNIT_MS.s;
  return Number.isSafeInteger(total) ? total : undefined;
}
