const WIDTH = 100;

/**
 * Lines of a `/** … *\/` doc comment at `indent`, words wrapped at 100 columns. Text that would
 * close the comment early (`*\/`) is defused, since descriptions are free text.
 */
export function wrapComment(paragraphs: readonly string[], indent: string): string[] {
  const width = WIDTH - indent.length - 3;
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (lines.length > 0) lines.push("");
    lines.push(...wrapWords(paragraph.replaceAll("*/", "*\\/"), width));
  }
  if (lines.length === 1) return [`${indent}/** ${lines[0] ?? ""} */`];
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}

// A word, keeping a `code span` (which may hold spaces, as in `${{ ref }}`) in one piece.
const WORD = /(?:[^\s`]*`[^`]*`)+[^\s`]*|[^\s`]+|`/g;

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const [word] of text.matchAll(WORD)) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}
