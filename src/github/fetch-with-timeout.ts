/** The `fetch` Octokit calls for every HTTP request (`request.fetch`). */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Why a request was abandoned: GitHub did not answer in time. Octokit turns it into a `RequestError` without a response. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = "TimeoutError";
  }
}

const TIMED = Symbol("fetchWithTimeout");
/** Statuses whose response cannot have a body (the `Response` constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Wraps `fetch` so that every call (each retry is a new call) must have its whole answer, body
 * included, within `timeoutMs`; otherwise it rejects with {@link RequestTimeoutError}. The body is
 * read inside the time limit, so a connection that stalls mid-body fails instead of hanging (or
 * Octokit reading it as empty). Without `fetch`, the global one is looked up on each call (test
 * interceptors replace it). Wrapping a wrapped fetch returns it unchanged.
 */
export function fetchWithTimeout(fetch: Fetch | undefined, timeoutMs: number): Fetch {
  if (fetch !== undefined && TIMED in fetch) return fetch;
  const send: Fetch = fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timed: Fetch = async (input, init) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    try {
      return await buffered(await send(input, { ...init, signal }));
    } catch (error) {
      throw deadline.signal.aborted ? deadline.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  };
  return Object.assign(timed, { [TIMED]: true });
}

async function buffered(response: Response): Promise<Response> {
  if (response.body === null || response.status < 200 || NULL_BODY_STATUSES.has(response.status)) return response;
  const body = await response.arrayBuffer();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}
