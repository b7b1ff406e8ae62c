/** The most of a receiver's answer quoted in an error: Slack's are a word (`no_service`). */
const MAX_EXCERPT = 200;

/**
 * `404: no_service`: a status and the start of the body a receiver answered with, on one line of
 * printable characters, at most 200 of them. Whatever of the channel's URL the body echoes (a
 * framework's "Cannot POST /hooks/<token>") is replaced by `…`: errors must not carry its token.
 */
export function describeResponse(status: number, body: Buffer, url: URL): string {
  let text = body.toString("utf8").replace(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD]+/gu, " ");
  for (const secret of secretsOf(url)) text = text.split(secret).join("…");
  text = text.trim();
  if (text.length > MAX_EXCERPT) text = `${text.slice(0, MAX_EXCERPT - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
  return text === "" ? String(status) : `${status}: ${text}`;
}

/** The parts of a URL that may hold a token, longest first so a longer match is not cut by a shorter. */
function secretsOf(url: URL): string[] {
  const parts = [url.href, url.pathname + url.search, url.pathname, url.search, url.search.slice(1), url.username, url.password];
  for (const part of [...parts]) parts.push(safeDecode(part));
  return [...new Set(parts)].filter((part) => part.length > 1).sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
