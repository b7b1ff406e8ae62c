const ENTITIES: { readonly [char: string]: string } = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Escapes text that came from GitHub (branch and environment names, logins, descriptions) for
 * Slack's mrkdwn: `&`, `<` and `>` are the only characters Slack reads as markup, and `<` starts
 * links and mentions, so a branch named `<!channel>` must arrive as text, not ping everyone.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}
