import { isIP } from "node:net";
import { isPublicAddress } from "./check-address.js";

/** The longest channel URL accepted: longer ones are mistakes (or abuse of the store). */
const MAX_URL_LENGTH = 2048;

/** What registering a channel URL came to: the parsed URL and its shareable hint, or why not. */
export type ChannelUrlCheck =
  { readonly ok: true; readonly url: URL; readonly hint: string } | { readonly ok: false; readonly error: string };

/**
 * Checks a channel URL when an operator registers it, so mistakes are reported then rather than at
 * the first deployment: an http(s) URL without a fragment, at most 2048 characters, and unless
 * `allowPrivate`, not an IP literal or `localhost` name that points into the app's own network.
 * (Names are checked again when sending, on the address actually connected to.) `hint` is
 * `scheme://host[:port]`: the path, query and userinfo may hold tokens, so neither the hint nor
 * an error message ever contains them.
 */
export function checkChannelUrl(raw: string, options: { readonly allowPrivate: boolean }): ChannelUrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, error: `the URL is longer than ${MAX_URL_LENGTH} characters` };
  const url = parseUrl(raw);
  if (url === undefined)
    return { ok: false, error: "the URL is not a valid absolute URL (e.g. https://hooks.example.com/deliverybot)" };
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, error: `the URL must start with https:// (or http://), not ${url.protocol}` };
  }
  const hint = `${url.protocol}//${url.host}`;
  if (url.href.length > MAX_URL_LENGTH)
    return { ok: false, error: `the URL of ${hint} is longer than ${MAX_URL_LENGTH} characters` };
  // An empty fragment ("…#") is in href too; any other "#" would have been percent-encoded.
  if (url.href.includes("#")) {
    return { ok: false, error: `the URL of ${hint} has a #fragment, which is never sent to the receiver: remove it` };
  }
  if (!options.allowPrivate && isPrivateHost(url.hostname)) {
    return {
      ok: false,
      error: `${hint} points at a loopback, private or link-local address; if the receiver really is on the app's own network, an operator may allow it explicitly with --allow-private`,
    };
  }
  return { ok: true, url, hint };
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** An IP literal that is not public, or a `localhost` name (which resolvers answer locally). */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && !isPublicAddress(host);
}
