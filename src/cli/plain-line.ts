// C0 and C1 control characters (ESC starts terminal escape sequences) and the bidirectional
// overrides that can make a line read differently from what it holds ("Trojan Source").
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from a file safe to print as one terminal line: line breaks become spaces, so one
 * problem stays one line for editors and CI, and control characters are shown as `\u001b`-style
 * escapes instead of acting on the terminal. Nothing else is changed: plain text, not Markdown.
 */
export function toPlainLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t]/g, " ")
    .replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
