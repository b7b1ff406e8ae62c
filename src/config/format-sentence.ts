import { escapeMarkdown } from "./escape-markdown.js";

/**
 * Renders a sentence for GitHub Markdown: everything escaped, the backtick-quoted parts shown as
 * `<code>`. A Markdown code span cannot hold an arbitrary value safely; if a value itself holds a
 * backtick the segments merely shift, and every segment is escaped either way.
 */
export function formatSentence(sentence: string): string {
  return sentence
    .split("`")
    .map((segment, index) => (index % 2 === 1 ? `<code>${escapeMarkdown(segment)}</code>` : escapeMarkdown(segment)))
    .join("");
}
