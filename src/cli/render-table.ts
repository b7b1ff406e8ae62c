import { toPlainLine } from "./plain-line.js";

/** Rows as aligned columns, two spaces apart, each cell one plain line; the first row is the header. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const plain = rows.map((row) => row.map((cell) => toPlainLine(cell)));
  const widths = plain[0]?.map((_, column) => Math.max(...plain.map((row) => (row[column] ?? "").length))) ?? [];
  const lines = plain.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  return `${lines.join("\n")}\n`;
}

/** `2024-05-01T10:00:00.000Z` → `2024-05-01 10:00Z`. */
export function shortTime(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : iso;
}
