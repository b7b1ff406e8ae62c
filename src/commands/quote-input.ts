const MAX_QUOTED_LENGTH = 100;

/**
 * User input in double quotes for a parse message, cut to 100 characters (then "…") so a reply
 * never repeats a long comment. Not escaped: whoever renders the message escapes it.
 */
export function quoteInput(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= MAX_QUOTED_LENGTH) return `"${text}"`;
  return `"${characters.slice(0, MAX_QUOTED_LENGTH).join("")}…"`;
}
