/** A Markdown table: a header row, then rows; the first column is left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, index) => (index === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Milliseconds: one decimal below 10, none above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US");
}

/** A count or rate with thousands separators and at most `digits` decimals. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** `PASS` or `FAIL`. */
export function verdict(pass: boolean): string {
  return pass ? "PASS" : "**FAIL**";
}
