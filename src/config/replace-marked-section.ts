export const SECTION_START = "<!-- config-reference:start -->";
export const SECTION_END = "<!-- config-reference:end -->";

/**
 * Replaces what sits between the `config-reference` start and end markers (kept) with `content`.
 * Returns undefined when the document lacks the markers, so the caller can leave it alone.
 */
export function replaceMarkedSection(document: string, content: string): string | undefined {
  const start = document.indexOf(SECTION_START);
  const end = document.indexOf(SECTION_END, start);
  if (start === -1 || end === -1) return undefined;
  return `${document.slice(0, start + SECTION_START.length)}\n\n${content.trim()}\n\n${document.slice(end)}`;
}
