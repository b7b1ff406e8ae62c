/**
 * `text` as a Markdown code span that GitHub shows literally, whatever it contains: the fence is
 * one backtick longer than the longest run inside, padded with spaces when the text touches a
 * backtick, and line breaks become spaces (a code span cannot hold them).
 */
export function formatCodeSpan(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, " ");
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  const padding = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${padding}${flat}${padding}${fence}`;
}
