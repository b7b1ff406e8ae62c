import type { ServerResponse } from "node:http";
import type { VNode } from "preact";
import { render } from "preact-render-to-string";

/**
 * Only the app's own styles, scripts and forms; images from the app and GitHub's avatar hosts;
 * never framed; no `<base>`. Every string from GitHub is escaped by Preact when rendered, and this
 * policy stops what an escaping mistake would let through.
 */
export function contentSecurityPolicy(githubWeb: string): string {
  const avatars = githubWeb === "https://github.com" ? "https://avatars.githubusercontent.com" : githubWeb;
  return [
    "default-src 'none'",
    "style-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    `img-src 'self' ${avatars}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers of every dashboard answer: the CSP, no sniffing, no framing, no caching of pages, no referrer to other sites. */
function securityHeaders(githubWeb: string): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(githubWeb),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
  };
}

/** Renders a page (Preact escapes every string) and sends it with the security headers. */
export function sendPage(res: ServerResponse, status: number, page: VNode, githubWeb: string): void {
  const html = `<!doctype html>${render(page)}`;
  res.writeHead(status, { ...securityHeaders(githubWeb), "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

/** A 303 to a place inside the dashboard (or GitHub's sign-in page): never a URL taken from a request. */
export function redirect(res: ServerResponse, location: string, githubWeb: string): void {
  res.writeHead(303, { ...securityHeaders(githubWeb), location });
  res.end();
}

/** A plain-text error (a bad form, too many requests). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  githubWeb: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...securityHeaders(githubWeb), "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(`${text}\n`);
}

/** A small JSON answer for the page's own script. */
export function sendJsonNoStore(res: ServerResponse, body: unknown): void {
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(JSON.stringify(body));
}
