import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPublicAddress } from "./check-address.js";
import { AddressRefusedError, createGuardedLookup } from "./create-guarded-lookup.js";
import { describeResponse } from "./describe-response.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { OutgoingRequest } from "./render-notification-request.js";

/** What one attempt came to: delivered (2xx), worth another try later, or refused for good. */
export type PostOutcome =
  | { readonly kind: "delivered"; readonly status: number }
  | { readonly kind: "retry"; readonly error: string; readonly retryAfterMs?: number }
  | { readonly kind: "refused"; readonly error: string };

/** How a channel may be reached. */
export interface PostOptions {
  /** The operator registered the channel with `--allow-private`: loopback and private addresses are allowed. */
  readonly allowPrivate: boolean;
  /** For the whole attempt: connecting, sending and the answer; default 10 s. */
  readonly timeoutMs?: number;
  /** Of the answer's body, read at most; default 64 KiB. */
  readonly maxResponseBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Sends one attempt of a notification and says how it went; it never throws for what the network
 * or the receiver did. Unless `allowPrivate`, only public addresses are connected to, checked on
 * the address connected to (see `createGuardedLookup`) and on IP literals before connecting.
 * Redirects are not followed (a receiver could point us anywhere). Error texts name the receiver by
 * `scheme://host` only: a channel's path and query may hold its token.
 */
export async function postNotification(request: OutgoingRequest, options: PostOptions): Promise<PostOutcome> {
  const url = parseHttpUrl(request.url);
  if (url === undefined) return { kind: "refused", error: "the channel's URL is not an http(s) URL: register the channel again" };
  const hint = `${url.protocol}//${url.host}`;
  // Node connects to an IP literal without calling `lookup`: it is checked here instead.
  const literal = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!options.allowPrivate && isIP(literal) !== 0 && !isPublicAddress(literal)) {
    return {
      kind: "refused",
      error: `refused: ${hint} is a private address; register the channel with --allow-private to allow it`,
    };
  }
  return send(url, hint, request, options);
}

function send(url: URL, hint: string, outgoing: OutgoingRequest, options: PostOptions): Promise<PostOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const body = Buffer.from(outgoing.body, "utf8");
  return new Promise((resolve) => {
    let req: ClientRequest | undefined;
    let response: IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Nothing more is read: a receiver streaming an endless body loses its connection.
      req?.destroy();
      resolve(outcome);
    };
    // Once the status is known it decides, whatever becomes of the body.
    const answered = (res: IncomingMessage) => settle(classify(res, Buffer.concat(chunks).subarray(0, maxBytes), url, hint));
    const timer = setTimeout(() => {
      if (response !== undefined) return answered(response);
      settle({ kind: "retry", error: `${hint} timed out after ${timeoutMs / 1000} s` });
    }, timeoutMs);

    try {
      req = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
        method: "POST",
        headers: { ...outgoing.headers, "content-length": String(body.length) },
        // A pooled socket could have been opened under another channel's allowPrivate.
        agent: false,
        ...(options.allowPrivate ? {} : { lookup: createGuardedLookup(hint) }),
      });
    } catch (error) {
      return settle({ kind: "refused", error: `the request to ${hint} could not be made: ${errorCode(error)}` });
    }
    req.on("response", (res) => {
      response = res;
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= maxBytes) answered(res);
      });
      res.on("end", () => answered(res));
      res.on("error", () => answered(res));
      res.on("close", () => answered(res));
    });
    req.on("error", (error) => {
      if (response !== undefined) return answered(response);
      if (error instanceof AddressRefusedError) return settle({ kind: "refused", error: error.message });
      settle({ kind: "retry", error: `could not reach ${hint}: ${errorCode(error)}` });
    });
    req.end(body);
  });
}

/** 2xx delivered; 3xx refused (never followed); 408, 429 and 5xx retried; any other status refused. */
function classify(res: IncomingMessage, body: Buffer, url: URL, hint: string): PostOutcome {
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return { kind: "delivered", status };
  if (status >= 300 && status < 400) {
    return { kind: "refused", error: `${hint} answered ${status}: redirects are not followed; register the final URL` };
  }
  const error = `${hint} answered ${describeResponse(status, body, url)}`;
  if (status !== 408 && status !== 429 && status < 500) return { kind: "refused", error };
  const retryAfter = status === 429 || status === 503 ? res.headers["retry-after"] : undefined;
  // The receiver's clock says when: compared with the real time, not the app's.
  const retryAfterMs = parseRetryAfter(retryAfter, new Date());
  return retryAfterMs === undefined ? { kind: "retry", error } : { kind: "retry", error, retryAfterMs };
}

function parseHttpUrl(raw: string): URL | undefined {
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

/** Node's network errors carry a code (`ECONNREFUSED`); their messages could carry more than the host. */
function errorCode(error: unknown): string {
  // Duck-typed: errors made inside Node are not `instanceof` this realm's Error under jest's VM.
  if (typeof error !== "object" || error === null) return "unknown error";
  if ("code" in error && typeof error.code === "string") return error.code;
  return "name" in error && typeof error.name === "string" ? error.name : "unknown error";
}
