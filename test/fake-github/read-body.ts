import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** A request's whole body as UTF-8 text ("" for none). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The JSON body of a request to `/api/v3` (`undefined` when empty); anything else is reported in `errors` and kept as text. */
export function parseApiBody(text: string, label: string, errors: string[]): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    errors.push(`${label}: the body is not JSON: ${text.slice(0, 100)}`);
    return text;
  }
}

/**
 * The body of a request to GitHub's web host: a form (`application/x-www-form-urlencoded`, as HTML
 * forms and curl send it) becomes an object of strings, JSON (what Octokit sends) is parsed, anything
 * else stays text; `undefined` when empty.
 */
export function parseWebBody(text: string, headers: IncomingHttpHeaders): unknown {
  if (text === "") return undefined;
  if ((headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
