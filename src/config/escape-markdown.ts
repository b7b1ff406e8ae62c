const HTML_ENTITIES: { readonly [char: string]: string } = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

// Markdown punctuation that can start formatting, links, images, tables or headings in GitHub's
// renderer; `:` too, so a bare `https://…` is not autolinked. CommonMark lets any ASCII
// punctuation be backslash-escaped, so escaping one too many is harmless.
const SPECIAL = /[\\`*_[\]|~#!():<>&]/g;

/**
 * Escapes text that came from a repository or from GitHub (keys, values, branch names, PR titles)
 * so that GitHub renders it literally inside Markdown: no HTML, links, images, emphasis, table
 * cells, headings or @mentions. Line breaks become spaces so the text cannot start a new block.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n|\r|\n/g, " ")
      .replace(SPECIAL, (char) => HTML_ENTITIES[char] ?? `\\${char}`)
      // A zero-width space after `@` keeps quoted text from mentioning (notifying) anyone.
      .replace(/@(?=[\w-])/g, "@\u200b")
      // At the start of a line these would begin a list or a setext heading.
      .replace(/^([-+=])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
  );
}
