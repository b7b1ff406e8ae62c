import type { IncomingMessage } from "node:http";

const SECRET_HEADER = "x-deploy-secret";

/**
 * The hook secret of a request: the `X-Deploy-Secret` header, or `?token=` for senders that can
 * only call a URL (Docker Hub). Both are then removed from the request, because Probot's access
 * log prints `req.url` when the response ends: the line says `token=[redacted]` instead.
 */
export function readHookSecret(req: IncomingMessage, url: URL): string | undefined {
  const fromHeader = req.headers[SECRET_HEADER];
  const secret = (Array.isArray(fromHeader) ? fromHeader[0] : fromHeader) ?? url.searchParams.get("token") ?? undefined;
  delete req.headers[SECRET_HEADER];
  if (url.searchParams.has("token")) {
    url.searchParams.set("token", "[redacted]");
    req.url = `${url.pathname}${url.search}`;
  }
  return secret;
}
