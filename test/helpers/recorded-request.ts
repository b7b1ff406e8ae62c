/** One request the mock saw, matched or not. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent, still URL-encoded (`/repos/o/r/contents/.github%2Fdeploy.yml`). */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw string when it is not JSON, `undefined` when empty. */
  body: unknown;
  /** The status the mock answered with; `undefined` when no expectation matched. */
  status: number | undefined;
}

/** Reads nock's "no match" event: `(req, options, body)` for hosts with interceptors, `(options)` otherwise. */
export function unmatchedRequest(args: unknown[], api: string): { request: RecordedRequest; host: string; toGitHub: boolean } {
  const [first, second, body] = args;
  const options = (typeof second === "object" && second !== null ? second : first) as {
    method?: string;
    host?: string;
    hostname?: string;
    path?: string;
    proto?: string;
    headers?: unknown;
  };
  const host = options.host ?? options.hostname ?? "";
  const path = options.path ?? "/";
  const origin = `${options.proto ?? "https"}://${host}`.replace(/:443$/, "");
  const toGitHub = origin === api;
  const req = first as { getHeaders?: () => Record<string, unknown> };
  const headers = typeof req.getHeaders === "function" ? req.getHeaders() : options.headers;
  const request: RecordedRequest = {
    method: (options.method ?? "GET").toUpperCase(),
    path: toGitHub ? path : `${origin}${path}`,
    headers: normalizeHeaders(headers),
    body: parseBody(typeof body === "string" ? body : undefined),
    status: undefined,
  };
  return { request, host, toGitHub };
}

/** Lower-cases header names and joins repeated values. */
export function normalizeHeaders(headers: unknown): Record<string, string> {
  if (typeof headers !== "object" || headers === null) return {};
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return result;
}

/** A request body as tests want it: parsed JSON, else the string, `undefined` when empty. */
export function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  if (body === "") return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
