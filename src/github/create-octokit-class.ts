import { ProbotOctokit } from "probot";
import { fetchWithTimeout, type Fetch } from "./fetch-with-timeout.js";

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/** How the production Octokit waits on GitHub. */
export interface OctokitClassOptions {
  /** Longest one HTTP request (each retry counts anew) may take before it fails as unanswered. */
  readonly requestTimeoutMs?: number;
  /** Longest wait a rate limit may ask for and still be waited out in-process, once. */
  readonly maxInProcessWaitSeconds?: number;
}

/** 10 s: a hung connection fails long before a worker's lease runs out. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** A rate limit asking for more than 10 s is left to the durable queue. */
export const MAX_IN_PROCESS_WAIT_SECONDS = 10;
/** Quick in-process retries of a 5xx or a lost connection (after 1 s); the queue retries the rest. */
export const IN_PROCESS_RETRIES = 1;
/**
 * Answers the retry plugin must not repeat: its defaults, plus 429 (rate limits are the throttling
 * plugin's, and then the queue's, at the time GitHub asked; the retry plugin would ignore that time).
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * The Octokit class for `run(app, { Octokit })`: Probot's, with
 * - rate limits retried in-process only when GitHub asks for a short wait (≤ 10 s), at most once;
 *   otherwise the 403/429 is thrown, so the durable queue reschedules at the time GitHub asked
 *   (Probot's defaults wait up to an hour in-process, or never retry secondary limits);
 * - one retry of a 5xx or lost connection instead of three (1 s, 4 s, 9 s), and none for a 429;
 * - a time limit on every request, so a hung connection becomes an `unavailable` fault.
 *
 * It uses the function form of `defaults`: it runs after Probot merged its own options, so it
 * replaces only the two handlers and keeps the rest of Probot's throttle options — the Redis
 * `connection` and `Bottleneck` when `REDIS_URL` is set, and the installation `id`.
 */
export function createOctokitClass(options: OctokitClassOptions = {}): typeof ProbotOctokit {
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxWait = options.maxInProcessWaitSeconds ?? MAX_IN_PROCESS_WAIT_SECONDS;
  return ProbotOctokit.defaults((instance: OctokitOptions): OctokitOptions => {
    const request: { fetch?: Fetch } | undefined = instance.request;
    return {
      ...instance,
      throttle: {
        ...instance.throttle,
        onRateLimit: retryBriefWaits("rate limit", maxWait),
        onSecondaryRateLimit: retryBriefWaits("secondary rate limit", maxWait),
      },
      retry: { retries: IN_PROCESS_RETRIES, doNotRetry: DO_NOT_RETRY, ...instance.retry },
      request: { ...instance.request, fetch: fetchWithTimeout(request?.fetch, timeoutMs) },
    };
  });
}

/** What the throttling plugin tells a rate limit handler. */
type RateLimitHandler = (
  retryAfter: number,
  request: { readonly method: string; readonly url: string },
  octokit: { readonly log: { warn(message: string): unknown } },
  retryCount: number,
) => boolean;

/**
 * A throttling handler that retries (returns true) only a first hit with a wait of at most
 * `maxWaitSeconds`; it logs the route template (no ids, no tokens) either way.
 */
export function retryBriefWaits(kind: string, maxWaitSeconds: number): RateLimitHandler {
  return (retryAfter, request, octokit, retryCount) => {
    const retry = retryCount < 1 && retryAfter <= maxWaitSeconds;
    const next = retry ? `retrying in ${retryAfter} s` : `GitHub asks to wait ${retryAfter} s; leaving the retry to the queue`;
    octokit.log.warn(`GitHub ${kind} on ${request.method} ${request.url}: ${next}`);
    return retry;
  };
}
