import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import { GITHUB_LOGIN_PATTERN, HOOK_NAME_PATTERN } from "../config/schema.js";
import { CHANNEL_KINDS, type ChannelKind, type ChannelSecrets } from "../domain/notifications.js";
import { hookResponse, type HookResponse } from "../hooks/hook-response.js";
import { checkChannelUrl } from "../notify/check-channel-url.js";
import { postNotification } from "../notify/post-notification.js";
import { renderPingRequest } from "../notify/render-notification-request.js";
import type { ChannelSealer } from "../notify/seal-channel.js";
import type { ChannelRecord, ChannelStore } from "../store/channel-store.js";
import { MAX_ADMIN_BODY_BYTES } from "./admin-hooks-route.js";
import { adminError, createAdminRoute } from "./admin-route.js";
import { decodePathSegment, readAdminBody } from "./read-admin-body.js";
import { readLimitedBody } from "./read-limited-body.js";

/** What `/admin/notify` runs with. */
export interface AdminNotifyRouteOptions {
  readonly store: Pick<ChannelStore, "saveChannel" | "findChannel" | "listChannels" | "removeChannel">;
  readonly now: () => Date;
  readonly log: Logger;
  /** The admin token; undefined or too short: the routes are absent. */
  readonly adminToken: string | undefined;
  /** Seals channels with `NOTIFY_KEY`; undefined when it is unset or too short: adding and testing answer 503. */
  readonly sealer: ChannelSealer | undefined;
}

const PATH = /^\/admin\/notify(?:\/([^/]+)\/([^/]+)(\/test)?)?\/?$/;
const LOGIN = new RegExp(GITHUB_LOGIN_PATTERN);
const CHANNEL_NAME = new RegExp(HOOK_NAME_PATTERN);

/** The answer to adding or testing a channel while the app cannot seal. */
export const NO_NOTIFY_KEY =
  "notification channels need NOTIFY_KEY: start the app with NOTIFY_KEY set to at least 32 random characters (the same on every instance)";

const error = adminError;

/**
 * The admin API behind `deliverybot notify`: `POST /admin/notify` adds a channel (its URL and
 * secret sealed, a `webhook` channel's secret answered this once), `GET /admin/notify[?owner=]`
 * lists channels, `DELETE /admin/notify/<owner>/<name>` removes one and `POST
 * /admin/notify/<owner>/<name>/test` sends it a ping. `Authorization: Bearer <ADMIN_TOKEN>`, like
 * `/admin/hooks`. A channel's URL may carry a token: no answer or log line shows more of it than
 * its scheme and host.
 */
export function createAdminNotifyRoute(options: AdminNotifyRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req, url, match) => {
    const [, owner, name, test] = match;
    if (owner === undefined || name === undefined) return answerCollection(req, url, options);
    return answerChannel(req, { owner, name, test: test !== undefined }, options);
  });
}

async function answerCollection(req: IncomingMessage, url: URL, options: AdminNotifyRouteOptions): Promise<HookResponse> {
  if (req.method === "GET") return listChannels(url, options);
  if (req.method !== "POST") return error(405, "method not allowed", { allow: "GET, POST" });
  if (options.sealer === undefined) return error(503, NO_NOTIFY_KEY);
  return addChannel(req, options.sealer, options);
}

async function answerChannel(
  req: IncomingMessage,
  path: { readonly owner: string; readonly name: string; readonly test: boolean },
  options: AdminNotifyRouteOptions,
): Promise<HookResponse> {
  const method = path.test ? "POST" : "DELETE";
  if (req.method !== method) return error(405, "method not allowed", { allow: method });
  const owner = decodePathSegment(path.owner) ?? path.owner;
  const name = decodePathSegment(path.name) ?? path.name;
  const invalid = checkOwner(owner) ?? checkName(name);
  if (invalid !== undefined) return error(400, invalid);
  const key = { owner: owner.toLowerCase(), name };
  if (!path.test) {
    if (!(await options.store.removeChannel(key.owner, key.name))) return noSuchChannel(key);
    options.log.info({ owner: key.owner, channel: key.name }, "admin: notification channel removed");
    return hookResponse(200, { removed: true });
  }
  if (options.sealer === undefined) return error(503, NO_NOTIFY_KEY);
  const channel = await options.store.findChannel(key.owner, key.name);
  return channel === undefined ? noSuchChannel(key) : testChannel(channel, options.sealer, options);
}

async function listChannels(url: URL, options: AdminNotifyRouteOptions): Promise<HookResponse> {
  const owner = url.searchParams.get("owner");
  const invalid = owner === null ? undefined : checkOwner(owner);
  if (invalid !== undefined) return error(400, invalid);
  const channels = await options.store.listChannels(owner?.toLowerCase());
  return hookResponse(200, { channels: channels.map(describeChannel) });
}

/** What the API shows of a channel: never its sealed URL and secret. */
function describeChannel(channel: ChannelRecord) {
  return {
    owner: channel.owner,
    name: channel.name,
    kind: channel.kind,
    urlHint: channel.urlHint,
    allowPrivate: channel.allowPrivate,
    createdAt: channel.createdAt.toISOString(),
  };
}

async function addChannel(req: IncomingMessage, sealer: ChannelSealer, options: AdminNotifyRouteOptions): Promise<HookResponse> {
  const body = await readLimitedBody(req, MAX_ADMIN_BODY_BYTES);
  if (!body.ok) return error(413, `body too large (limit ${MAX_ADMIN_BODY_BYTES} bytes)`, { connection: "close" });
  const input = parseAddBody(body.text);
  if ("error" in input) return error(400, input.error);

  const { owner, name, kind, allowPrivate } = input;
  // A webhook channel's receiver checks our signature with this; a Slack URL is its own secret.
  const secret = kind === "webhook" ? randomBytes(32).toString("base64url") : null;
  const record: ChannelRecord = {
    owner,
    name,
    kind,
    sealed: sealer.seal({ url: input.url, secret }, `${owner}/${name}`),
    keyId: sealer.keyId,
    urlHint: input.urlHint,
    allowPrivate,
    createdAt: options.now(),
  };
  if (!(await options.store.saveChannel(record, input.replace))) {
    return error(
      409,
      `channel ${owner}/${name} exists: send "replace": true to replace it (deliverybot notify add --replace); its old URL and secret then stop working`,
    );
  }
  options.log.info(
    { owner, channel: name, kind, urlHint: input.urlHint, replace: input.replace },
    "admin: notification channel saved",
  );
  const answer = { owner, name, kind, urlHint: input.urlHint, allowPrivate };
  return hookResponse(201, secret === null ? answer : { ...answer, secret });
}

async function testChannel(
  channel: ChannelRecord,
  sealer: ChannelSealer,
  options: AdminNotifyRouteOptions,
): Promise<HookResponse> {
  const secrets = openChannel(channel, sealer, options.log);
  if ("status" in secrets) return secrets;
  const ping = { id: randomUUID(), owner: channel.owner, channel: channel.name };
  const request = renderPingRequest({ kind: channel.kind, ...secrets }, ping, options.now());
  const outcome = await postNotification(request, { allowPrivate: channel.allowPrivate });
  const where = { owner: channel.owner, channel: channel.name, urlHint: channel.urlHint, ping: ping.id };
  if (outcome.kind === "delivered") {
    options.log.info({ ...where, status: outcome.status }, "admin: test notification delivered");
    return hookResponse(200, { delivered: true, status: outcome.status });
  }
  // The receiver's failure is the answer, not an API failure; its wording must not carry the URL.
  const reason = hideUrl(outcome.error, secrets.url, channel.urlHint);
  options.log.warn({ ...where, error: reason }, "admin: test notification not delivered");
  return hookResponse(200, { delivered: false, error: reason });
}

/** The channel's URL and secret, or 409 when its seal does not open (another key, or tampered with). */
function openChannel(channel: ChannelRecord, sealer: ChannelSealer, log: Logger): ChannelSecrets | HookResponse {
  const binding = `${channel.owner}/${channel.name}`;
  try {
    return sealer.open(channel.sealed, binding);
  } catch (err) {
    log.warn({ owner: channel.owner, channel: channel.name, keyId: channel.keyId }, "admin: notification channel does not open");
    return error(409, err instanceof Error ? err.message : `channel ${binding} does not open: add it again with --replace`);
  }
}

function noSuchChannel(key: { readonly owner: string; readonly name: string }): HookResponse {
  return error(404, `no notification channel ${key.owner}/${key.name}; list them with GET /admin/notify`);
}

type AddInput =
  | {
      readonly owner: string;
      readonly name: string;
      readonly kind: ChannelKind;
      readonly url: string;
      readonly urlHint: string;
      readonly allowPrivate: boolean;
      readonly replace: boolean;
    }
  | { readonly error: string };

const EXPECTED_BODY =
  'expected JSON {"owner": "acme", "name": "deploys", "kind": "webhook" or "slack", "url": "https://…", "allowPrivate"?: false, "replace"?: false}';

function parseAddBody(text: string): AddInput {
  const body = readAdminBody(text, EXPECTED_BODY, ["owner", "name", "kind", "url", "allowPrivate", "replace"]);
  if (!body.ok) return { error: body.error };
  const { owner, name, kind, url, allowPrivate = false, replace = false } = body.fields;
  for (const [key, value] of Object.entries({ owner, name, kind, url })) {
    if (typeof value !== "string") return { error: `"${key}" is missing; ${EXPECTED_BODY}` };
  }
  if (typeof allowPrivate !== "boolean") return { error: `"allowPrivate" must be true or false; ${EXPECTED_BODY}` };
  if (typeof replace !== "boolean") return { error: `"replace" must be true or false; ${EXPECTED_BODY}` };
  const invalid = checkOwner(String(owner)) ?? checkName(String(name)) ?? checkKind(String(kind));
  if (invalid !== undefined) return { error: invalid };
  const checked = checkChannelUrl(String(url), { allowPrivate });
  if (!checked.ok) return { error: hideUrl(checked.error, String(url), "the URL") };
  return {
    owner: String(owner).toLowerCase(),
    name: String(name),
    kind: kind as ChannelKind,
    url: checked.url.href,
    urlHint: checked.hint,
    allowPrivate,
    replace,
  };
}

function checkOwner(owner: string): string | undefined {
  if (LOGIN.test(owner)) return undefined;
  return `"owner" must be the GitHub account (organisation or user login) whose repositories use the channel, e.g. acme; got ${JSON.stringify(owner.slice(0, 40))}`;
}

function checkName(name: string): string | undefined {
  if (CHANNEL_NAME.test(name)) return undefined;
  return `invalid channel name ${JSON.stringify(name.slice(0, 40))}: use lower-case letters, digits and -, starting with a letter or digit, at most 40 characters (e.g. deploys)`;
}

function checkKind(kind: string): string | undefined {
  if ((CHANNEL_KINDS as readonly string[]).includes(kind)) return undefined;
  return `"kind" must be ${CHANNEL_KINDS.map((k) => JSON.stringify(k)).join(" or ")}, got ${JSON.stringify(kind.slice(0, 40))}`;
}

/** `text` with every occurrence of the URL replaced by `shown`: a message must never carry a URL's token. */
function hideUrl(text: string, url: string, shown: string): string {
  return url === "" ? text : text.split(url).join(shown);
}
