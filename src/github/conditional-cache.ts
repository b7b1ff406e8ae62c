import type { ProbotOctokit } from "probot";

type Octokit = InstanceType<typeof ProbotOctokit>;
type RequestOptions = Parameters<Octokit["request"]["endpoint"]["parse"]>[0];
type OctokitResponse = Awaited<ReturnType<Octokit["request"]>>;
/** The request function a hook wraps, reduced to the one call form the cache uses. */
type RequestFn = (route: RequestOptions) => Promise<OctokitResponse>;
type Endpoint = Octokit["request"]["endpoint"];

interface Entry {
  readonly etag: string | undefined;
  readonly response: OctokitResponse | undefined;
  /** For answers GitHub gives without an ETag (404): when to ask again. */
  readonly notFoundUntil: number | undefined;
}

/** Options of {@link createConditionalCache}. */
export interface ConditionalCacheOptions {
  /** Entries kept; the least recently used is evicted first. */
  readonly maxEntries?: number;
  /** How long a 404 is believed without asking again. */
  readonly notFoundTtlMs?: number;
  readonly now?: () => number;
}

/** A process-wide cache of GET responses, revalidated with `If-None-Match`. */
export interface ConditionalCache {
  /** Makes this Octokit's GET requests conditional; call once per Octokit instance. */
  attach(octokit: Octokit): void;
  /** The body of the newest cached answer for a full URL, if any (e.g. a config file's raw text). */
  peek(url: string): unknown;
  /** Forgets every entry whose URL starts with the prefix (e.g. after a push changed the file). */
  invalidate(urlPrefix: string): void;
}

/**
 * GitHub answers a matching `If-None-Match` with 304, which costs no rate limit: the config is
 * read on every relevant event yet only paid for when it changed. A 404 (a repository without
 * configuration) carries no ETag, so it is remembered for a short while instead.
 */
export function createConditionalCache(options: ConditionalCacheOptions = {}): ConditionalCache {
  const maxEntries = options.maxEntries ?? 1000;
  const notFoundTtlMs = options.notFoundTtlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const remember = (key: string, entry: Entry): void => {
    entries.delete(key);
    entries.set(key, entry);
    const oldest = entries.keys().next();
    if (entries.size > maxEntries && oldest.done !== true) entries.delete(oldest.value);
  };

  const conditionalRequest = async (endpoint: Endpoint, request: RequestFn, route: RequestOptions): Promise<OctokitResponse> => {
    const { method, url, headers } = endpoint.parse(route);
    if (method !== "GET") return request(route);
    const key = `${url} ${headers.accept ?? ""}`;
    const cached = entries.get(key);
    if (cached?.notFoundUntil !== undefined && cached.notFoundUntil > now()) throw notFoundError(url);

    // Every hook layer is bound to this same options object and reads it, not the argument it is
    // called with: the header must be set on it in place.
    if (cached?.etag !== undefined) route.headers = { ...route.headers, "if-none-match": cached.etag };
    try {
      const response = await request(route);
      remember(key, { etag: response.headers.etag, response, notFoundUntil: undefined });
      return response;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 304 && cached?.response !== undefined) {
        remember(key, cached);
        return cached.response;
      }
      if (status === 404) remember(key, { etag: undefined, response: undefined, notFoundUntil: now() + notFoundTtlMs });
      throw error;
    }
  };

  return {
    attach(octokit) {
      octokit.hook.wrap("request", (request, route) =>
        conditionalRequest(octokit.request.endpoint, request as unknown as RequestFn, route),
      );
    },
    peek(url) {
      for (const [key, entry] of entries) {
        if (key.startsWith(`${url} `)) return entry.response?.data;
      }
      return undefined;
    },
    invalidate(urlPrefix) {
      for (const key of [...entries.keys()]) {
        if (key.startsWith(urlPrefix)) entries.delete(key);
      }
    },
  };
}

function notFoundError(url: string): Error {
  return Object.assign(new Error(`Not Found (cached): ${url}`), { status: 404 });
}
