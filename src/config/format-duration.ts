const UNITS: readonly [string, number][] = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/** A duration as `parseDuration` reads it, largest unit first: `1h30m`, `10m`, `90s` is `1m30s`; under a second, `0s`. */
export function formatDuration(ms: number): string {
  let rest = Math.floor(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.join("") || "0s";
}
