import { escapeSlackText } from "./escape-slack-text.js";

/** Longer URLs are not linked: they would crowd Slack's length limits out of the message. */
const MAX_LINK_URL_LENGTH = 2048;

/**
 * A Slack mrkdwn link `<url|text>`, or the escaped text alone when `url` is null or could break out
 * of the link: only absolute http(s) URLs without `|`, `<`, `>`, whitespace or control characters
 * are linked (a `|` or `>` in a URL from GitHub would otherwise end the link early and let the rest
 * be read as markup, a `javascript:` link must never be offered).
 */
export function formatSlackLink(url: string | null, text: string): string {
  const label = escapeSlackText(text);
  if (url === null || !isSlackLinkable(url)) return label;
  // Slack reads entities inside a link too: a literal & in the URL is written &amp;.
  return `<${url.replace(/&/g, "&amp;")}|${label}>`;
}

/** Whether {@link formatSlackLink} would link `url`: for links that mean nothing without their URL. */
export function isSlackLinkable(url: string): boolean {
  if (url.length > MAX_LINK_URL_LENGTH || /[|<>\s\p{Cc}]/u.test(url)) return false;
  return /^https?:\/\/[^/?#]/i.test(url) && URL.canParse(url);
}
