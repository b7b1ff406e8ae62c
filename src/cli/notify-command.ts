import { GITHUB_LOGIN_PATTERN, HOOK_NAME_PATTERN } from "../config/schema.js";
import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget, type AdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { readCliOptions } from "./read-cli-options.js";
import { renderTable, shortTime } from "./render-table.js";

const HELP = `Usage: deliverybot notify add <owner> <name> --webhook|--slack [--allow-private] [--replace] [--url <app-url>]
       deliverybot notify list [owner] [--url <app-url>]
       deliverybot notify remove <owner> <name> [--url <app-url>]
       deliverybot notify test <owner> <name> [--url <app-url>]

Manages the channels deployment notifications are sent to. A channel belongs to one GitHub
account (an organisation or user, <owner>); the repositories of that account send to it when
their .github/deploy.yml names it:
  notifications: [{channel: deploys, states: [succeeded, failed]}]

Commands:
  add <owner> <name>      add a channel; its receiver's URL is read from stdin (one line), so
                          that a token in it stays out of your shell history and of ps.
                          --webhook: Deliverybot's signed JSON; the app generates a signing
                          secret and prints it this one time only
                          --slack: a Slack incoming webhook URL (the URL is the secret)
  list [owner]            list the channels, of one account or of all (scheme and host only)
  remove <owner> <name>   remove a channel: nothing is sent to it any more
  test <owner> <name>     send the channel a ping and say whether its receiver took it

Options:
  --webhook, --slack      the kind of channel to add
  --allow-private         let the URL point at a loopback or private address (an internal
                          receiver); refused otherwise
  --replace               replace a channel of that name (a webhook channel gets a new secret)
  --url <app-url>         the app's address; default $DELIVERYBOT_URL, else ${DEFAULT_APP_URL}
  ADMIN_TOKEN             environment variable: the admin token the app was started with
                          (at least 32 characters); never a flag (shell history)
  -h, --help              show this help

The app seals URLs and secrets with its NOTIFY_KEY before storing them and never shows them
again: the API, the logs and this command show only a receiver's scheme and host.

A webhook receiver checks each request: X-Deliverybot-Signature-256 is "sha256=" followed by
the hex HMAC-SHA256 of the raw body, keyed with the channel's secret (as GitHub signs webhooks);
compare it in constant time, and refuse a body whose "timestamp" (Unix seconds, signed with the
rest) is more than a few minutes old (a replayed request).

Example:
  printf '%s\\n' "$SLACK_WEBHOOK_URL" | ADMIN_TOKEN=... deliverybot notify add acme deploys --slack

Exit codes: 0 done, 1 no such channel or the test ping was not delivered, 2 usage error or the
app could not do it.
`;

/** `deliverybot notify add|list|remove|test`: notification channels, through the running app's admin API. */
export const notifyCommand: CliCommand = {
  name: "notify",
  synopsis: "add|list|remove|test",
  summary: "manage the channels deployment notifications are sent to",
  help: HELP,
  run: runNotify,
};

const LOGIN = new RegExp(GITHUB_LOGIN_PATTERN);
const CHANNEL_NAME = new RegExp(HOOK_NAME_PATTERN);
const USAGE = {
  add: "add <owner> <name> --webhook|--slack",
  list: "list [owner]",
  remove: "remove <owner> <name>",
  test: "test <owner> <name>",
} as const;
type Action = keyof typeof USAGE;
const ADD_FLAGS = ["webhook", "slack", "allow-private", "replace"] as const;

async function runNotify(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readCliOptions(args, { values: ["url"], flags: ADD_FLAGS });
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help notify`);
  const [action, ...rest] = parsed.positional;
  if (action === undefined || !(action in USAGE)) {
    return fail(
      io,
      `${action === undefined ? "a subcommand is needed" : `unknown subcommand "${action}"`}: add, list, remove or test; see deliverybot help notify`,
    );
  }
  const command = action as Action;
  const arity = command === "list" ? 1 : 2;
  if (rest.length > arity || (command !== "list" && rest.length < arity)) {
    return fail(io, `usage: deliverybot notify ${USAGE[command]}`);
  }
  const flag = ADD_FLAGS.find((name) => parsed.flags.has(name));
  if (command !== "add" && flag !== undefined) return fail(io, `--${flag} is an option of add only; see deliverybot help notify`);
  const [owner, name] = rest;
  const invalid = checkOwner(owner) ?? checkName(name);
  if (invalid !== undefined) return fail(io, invalid);
  const target = resolveAdminTarget(io, parsed.values.url);
  if ("error" in target) return fail(io, target.error);

  if (command === "list") return listChannels(io, target, owner);
  const channel = { owner: owner ?? "", name: name ?? "" };
  if (command === "remove") return removeChannel(io, target, channel);
  if (command === "test") return testChannel(io, target, channel);
  const kinds = (["webhook", "slack"] as const).filter((kind) => parsed.flags.has(kind));
  const kind = kinds[0];
  if (kind === undefined || kinds.length > 1)
    return fail(io, "add needs --webhook or --slack (one of them); see deliverybot help notify");
  return addChannel(io, target, {
    ...channel,
    kind,
    allowPrivate: parsed.flags.has("allow-private"),
    replace: parsed.flags.has("replace"),
  });
}

interface Channel {
  readonly owner: string;
  readonly name: string;
}

interface NewChannel extends Channel {
  readonly kind: "webhook" | "slack";
  readonly allowPrivate: boolean;
  readonly replace: boolean;
}

async function addChannel(io: CliIo, target: AdminTarget, channel: NewChannel): Promise<number> {
  const url = (await io.readStdin()).split(/\r?\n/)[0]?.trim() ?? "";
  if (url === "") {
    return fail(
      io,
      `no receiver URL on stdin: pipe it in, e.g. printf '%s\\n' "$RECEIVER_URL" | deliverybot notify add ${channel.owner} ${channel.name} --${channel.kind}`,
    );
  }
  const answer = await callAdmin(io, target, "POST", "/admin/notify", { ...channel, url });
  if (!answer.ok && answer.fromApi === true && answer.status === 409) {
    return fail(
      io,
      `channel ${channel.owner}/${channel.name} exists: add --replace to replace it (its old URL and secret then stop working)`,
    );
  }
  if (!answer.ok) return fail(io, hideUrl(answer.message, url));
  const { owner, name, urlHint, secret } = answer.body;
  const where = `${String(owner)}/${String(name)}`;
  const lines = [`${channel.replace ? "Saved" : "Added"} ${channel.kind} channel ${where} → ${String(urlHint)}.`, ""];
  if (typeof secret === "string") {
    lines.push(
      `  Secret: ${secret}`,
      "",
      "This secret is shown once: store it now in the receiver's configuration. The app keeps it",
      "only sealed and cannot show it again; to replace it, add the channel again with --replace.",
      "",
      "The receiver checks X-Deliverybot-Signature-256 against the raw body, e.g. in Node:",
      '  const expected = "sha256=" + createHmac("sha256", secret).update(rawBody).digest("hex");',
      "  const ok = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));",
      'and refuses a body whose "timestamp" (Unix seconds) is more than a few minutes old (a replay).',
      "",
    );
  } else {
    lines.push("The app keeps the Slack URL sealed (it is the channel's secret) and never shows it again.", "");
  }
  lines.push(
    `Repositories of ${String(owner)} send to it when .github/deploy.yml says: notifications: [{channel: ${String(name)}}]`,
    `Check it now: deliverybot notify test ${String(owner)} ${String(name)}`,
    "",
  );
  io.stdout(lines.map((line) => toPlainLine(line)).join("\n"));
  return EXIT_OK;
}

interface ListedChannel {
  readonly owner: string;
  readonly name: string;
  readonly kind: string;
  readonly urlHint: string;
  readonly allowPrivate: boolean;
  readonly createdAt: string;
}

async function listChannels(io: CliIo, target: AdminTarget, owner: string | undefined): Promise<number> {
  const query = owner === undefined ? "" : `?owner=${encodeURIComponent(owner)}`;
  const answer = await callAdmin(io, target, "GET", `/admin/notify${query}`);
  if (!answer.ok) return fail(io, answer.message);
  const channels = Array.isArray(answer.body["channels"]) ? (answer.body["channels"] as ListedChannel[]) : [];
  if (channels.length === 0) {
    io.stdout(
      `No notification channels${owner === undefined ? "" : ` for ${owner}`}; add one with deliverybot notify add <owner> <name> --webhook|--slack\n`,
    );
    return EXIT_OK;
  }
  const rows = [
    ["OWNER", "NAME", "KIND", "RECEIVER", "PRIVATE", "CREATED"],
    ...channels.map((channel) => [
      channel.owner,
      channel.name,
      channel.kind,
      channel.urlHint,
      channel.allowPrivate ? "allowed" : "-",
      shortTime(channel.createdAt),
    ]),
  ].map((row) => row.map((cell) => String(cell)));
  io.stdout(renderTable(rows));
  return EXIT_OK;
}

async function removeChannel(io: CliIo, target: AdminTarget, channel: Channel): Promise<number> {
  const answer = await callAdmin(io, target, "DELETE", channelPath(channel));
  if (!answer.ok && answer.fromApi === true && answer.status === 404) return noSuchChannel(io, channel);
  if (!answer.ok) return fail(io, answer.message);
  io.stdout(`Removed channel ${channel.owner}/${channel.name}: nothing is sent to it any more.\n`);
  return EXIT_OK;
}

async function testChannel(io: CliIo, target: AdminTarget, channel: Channel): Promise<number> {
  const answer = await callAdmin(io, target, "POST", `${channelPath(channel)}/test`);
  if (!answer.ok && answer.fromApi === true && answer.status === 404) return noSuchChannel(io, channel);
  if (!answer.ok) return fail(io, answer.message);
  if (answer.body["delivered"] === true) {
    io.stdout(
      `Delivered a test ping to ${channel.owner}/${channel.name}: its receiver answered ${String(answer.body["status"])}.\n`,
    );
    return EXIT_OK;
  }
  io.stderr(
    `${toPlainLine(
      `deliverybot notify: the test ping to ${channel.owner}/${channel.name} was not delivered: ${String(answer.body["error"])}`,
    )}\n`,
  );
  return EXIT_INVALID;
}

function channelPath(channel: Channel): string {
  return `/admin/notify/${encodeURIComponent(channel.owner)}/${encodeURIComponent(channel.name)}`;
}

function noSuchChannel(io: CliIo, channel: Channel): number {
  io.stderr(`deliverybot notify: no channel ${channel.owner}/${channel.name}; see deliverybot notify list\n`);
  return EXIT_INVALID;
}

function checkOwner(owner: string | undefined): string | undefined {
  if (owner === undefined || LOGIN.test(owner)) return undefined;
  return `the owner must be a GitHub account's login (an organisation or user, e.g. acme), got "${owner}"`;
}

function checkName(name: string | undefined): string | undefined {
  if (name === undefined || CHANNEL_NAME.test(name)) return undefined;
  return `invalid channel name "${name}": use lower-case letters, digits and -, starting with a letter or digit, at most 40 characters (e.g. deploys)`;
}

/** A message with the receiver's URL cut out: it may carry a token. */
function hideUrl(message: string, url: string): string {
  return message.split(url).join("<the URL>");
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${toPlainLine(`deliverybot notify: ${message}`)}\n`);
  return EXIT_USAGE;
}
