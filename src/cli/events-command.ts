import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget, type AdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { readCliOptions } from "./read-cli-options.js";
import { renderTable, shortTime } from "./render-table.js";

/** Longest error shown in the table; longer ones end in "…". */
export const MAX_ERROR_WIDTH = 100;

const PARKED_HINT = `A parked delivery failed too often, or its payload is malformed: it is kept with its last error
and not retried. Queue it again with deliverybot events retry <delivery-id>, or have GitHub
redeliver it: Settings → Developer settings → GitHub Apps → the app → Advanced → Recent
deliveries → Redeliver.`;

const RETRYING_HINT = `A retrying delivery failed and is tried again at NEXT; after too many failures it is parked.`;

const PARKED_NOTIFICATION_HINT = `A parked notification failed too often, or its receiver refused it: it is kept with its last
error and not sent again. Once its receiver works (deliverybot notify test <owner> <channel>),
send it again with deliverybot events retry <id>.`;

const RETRYING_NOTIFICATION_HINT = `A retrying notification failed and is sent again at NEXT; after too many failures it is parked.`;

const HELP = `Usage: deliverybot events [--all] [--limit N] [--url <app-url>]
       deliverybot events retry <delivery-id> [--url <app-url>]

Deliverybot queues every webhook delivery it receives; its workers process the queue and try a
failed delivery again later, waiting longer each time. This command lists the deliveries that
failed, newest first, as DELIVERY EVENT STATUS ATTEMPTS WHEN NEXT ERROR: when GitHub delivered
them, the next attempt and the last error (one line). A status is one of:
  retrying   failed; queued to be tried again at NEXT
  parked     failed too often: kept with its last error, not retried until it is queued again
  queued     waiting for a worker (--all)
  running    being processed (--all); if that worker's process dies, another worker takes the
             delivery over once its lease runs out

A parked delivery is queued again, with fresh attempts, by deliverybot events retry <delivery-id>
or by GitHub redelivering it: Settings → Developer settings → GitHub Apps → the app → Advanced →
Recent deliveries → the delivery → Redeliver.

Deployment notifications (deliverybot notify) are queued the same way: a second table lists those
that failed, as ID CHANNEL EVENT DEPLOYMENT STATUS ATTEMPTS WHEN NEXT ERROR (CHANNEL is
owner/channel, EVENT deployment.<event>, WHEN when it was queued), with the same statuses. A
parked notification is sent again, with fresh attempts, by deliverybot events retry <id>.

Commands:
  (none)                list parked and retrying deliveries and notifications
  retry <delivery-id>   queue a parked delivery again (its X-GitHub-Delivery id, as listed), or
                        a parked notification (its ID, as listed)

Options:
  --all                 list every delivery not processed yet: also queued and running ones
  --limit N             list at most N (1 to 1000); default 50
  --url <app-url>       the app's address; default $DELIVERYBOT_URL, else ${DEFAULT_APP_URL}
  ADMIN_TOKEN           environment variable: the admin token the app was started with
                        (at least 32 characters); never a flag (shell history)
  -h, --help            show this help

Exit codes: 0 listed (also when there is nothing to list) or queued again, 1 the delivery to
retry is not parked (unknown, or already queued, running or processed), 2 usage error or the app
could not answer.
`;

/**
 * `deliverybot events [retry <id>]`: failing webhook deliveries and deployment notifications,
 * through the running app's admin API.
 */
export const eventsCommand: CliCommand = {
  name: "events",
  synopsis: "[--all] [--limit N] | retry <id>",
  summary: "list webhook deliveries and notifications that failed; queue a parked one again",
  help: HELP,
  run: runEvents,
};

interface ListedEvent {
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: string;
  readonly attempts: number;
  readonly error: string | null;
  readonly receivedAt: string;
  readonly nextAttemptAt: string | null;
  readonly finishedAt: string | null;
}

interface ListedNotification {
  readonly id: string;
  readonly owner: string;
  readonly channel: string;
  readonly deploymentId: number;
  readonly event: string;
  readonly status: string;
  readonly attempts: number;
  readonly error: string | null;
  readonly createdAt: string;
  readonly nextAttemptAt: string | null;
}

async function runEvents(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseEventsArgs(args);
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help events`);
  const target = resolveAdminTarget(io, parsed.url);
  if ("error" in target) return fail(io, target.error);
  return parsed.retry === undefined ? listEvents(io, target, parsed) : retryEvent(io, target, parsed.retry);
}

async function listEvents(io: CliIo, target: AdminTarget, options: ListArgs): Promise<number> {
  const query = new URLSearchParams();
  if (options.all) query.set("all", "1");
  if (options.limit !== undefined) query.set("limit", String(options.limit));
  const search = query.size === 0 ? "" : `?${query.toString()}`;
  const answer = await callAdmin(io, target, "GET", `/admin/events${search}`);
  if (!answer.ok) return fail(io, answer.message);
  const events = Array.isArray(answer.body["events"]) ? (answer.body["events"] as ListedEvent[]) : [];
  const notifications = Array.isArray(answer.body["notifications"]) ? (answer.body["notifications"] as ListedNotification[]) : [];
  if (events.length === 0) {
    io.stdout(options.all ? "No deliveries queued, running or parked.\n" : "No parked or retrying deliveries.\n");
  } else {
    io.stdout(renderEvents(events));
  }
  if (notifications.length > 0) io.stdout(`\n${renderNotifications(notifications)}`);
  return EXIT_OK;
}

/** The deliveries' table, then what their statuses mean. */
function renderEvents(events: readonly ListedEvent[]): string {
  const rows = [
    ["DELIVERY", "EVENT", "STATUS", "ATTEMPTS", "WHEN", "NEXT", "ERROR"],
    ...events.map((event) => {
      const status = displayStatus(event);
      return [
        String(event.id),
        event.action === null ? String(event.event) : `${String(event.event)}.${String(event.action)}`,
        status,
        String(event.attempts),
        shortTime(String(event.receivedAt)),
        status === "retrying" && event.nextAttemptAt !== null ? shortTime(String(event.nextAttemptAt)) : "-",
        event.error === null ? "-" : oneLine(String(event.error)),
      ];
    }),
  ];
  const statuses = new Set(events.map(displayStatus));
  const hints = [statuses.has("parked") ? PARKED_HINT : "", statuses.has("retrying") ? RETRYING_HINT : ""].filter(Boolean);
  return `${renderTable(rows)}${hints.map((hint) => `\n${hint}\n`).join("")}`;
}

/** The notifications' table, then what their statuses mean. */
function renderNotifications(notifications: readonly ListedNotification[]): string {
  const rows = [
    ["ID", "CHANNEL", "EVENT", "DEPLOYMENT", "STATUS", "ATTEMPTS", "WHEN", "NEXT", "ERROR"],
    ...notifications.map((notification) => {
      const status = displayStatus(notification);
      return [
        String(notification.id),
        `${String(notification.owner)}/${String(notification.channel)}`,
        `deployment.${String(notification.event)}`,
        String(notification.deploymentId),
        status,
        String(notification.attempts),
        shortTime(String(notification.createdAt)),
        status === "retrying" && notification.nextAttemptAt !== null ? shortTime(String(notification.nextAttemptAt)) : "-",
        notification.error === null ? "-" : oneLine(String(notification.error)),
      ];
    }),
  ];
  const statuses = new Set(notifications.map(displayStatus));
  const hints = [
    statuses.has("parked") ? PARKED_NOTIFICATION_HINT : "",
    statuses.has("retrying") ? RETRYING_NOTIFICATION_HINT : "",
  ].filter(Boolean);
  return `${renderTable(rows)}${hints.map((hint) => `\n${hint}\n`).join("")}`;
}

async function retryEvent(io: CliIo, target: AdminTarget, id: string): Promise<number> {
  const answer = await callAdmin(io, target, "POST", `/admin/events/${encodeURIComponent(id)}/retry`);
  if (!answer.ok && answer.fromApi === true && (answer.status === 409 || answer.status === 404)) {
    io.stderr(
      `${toPlainLine(
        `deliverybot events: delivery "${id}" is not parked (unknown, or already queued, running or processed): only a parked delivery can be retried; see deliverybot events`,
      )}\n`,
    );
    return EXIT_INVALID;
  }
  if (!answer.ok) return fail(io, answer.message);
  const done =
    answer.body["kind"] === "notification"
      ? `Queued notification ${id} again: the sender sends it shortly (deliverybot events --all lists it until then).`
      : `Queued delivery ${id} again: a worker processes it shortly (deliverybot events --all lists it until then).`;
  io.stdout(`${toPlainLine(done)}\n`);
  return EXIT_OK;
}

/** `retrying` is a queued delivery (or notification) that failed before; other statuses are shown as they are. */
function displayStatus(event: Pick<ListedEvent, "status" | "error">): string {
  if (event.status === "queued" && event.error !== null) return "retrying";
  return String(event.status);
}

/** The error as one plain line of at most {@link MAX_ERROR_WIDTH} characters. */
function oneLine(error: string): string {
  const line = toPlainLine(error).replace(/\s+/g, " ").trim();
  return line.length <= MAX_ERROR_WIDTH ? line : `${line.slice(0, MAX_ERROR_WIDTH - 1)}…`;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${toPlainLine(`deliverybot events: ${message}`)}\n`);
  return EXIT_USAGE;
}

type ListArgs = { all: boolean; limit: number | undefined; url: string | undefined };
type EventsArgs = ListArgs & { retry: string | undefined };

function parseEventsArgs(args: readonly string[]): EventsArgs | { error: string } {
  const parsed = readCliOptions(args, { values: ["limit", "url"], flags: ["all"] });
  if ("error" in parsed) return parsed;
  const { limit, url } = parsed.values;
  if (limit !== undefined && (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000)) {
    return { error: `--limit must be a whole number from 1 to 1000, got "${limit}"` };
  }
  const result: EventsArgs = {
    all: parsed.flags.has("all"),
    limit: limit === undefined ? undefined : Number(limit),
    url,
    retry: undefined,
  };
  const [subcommand, ...rest] = parsed.positional;
  if (subcommand === undefined) return result;
  if (subcommand !== "retry") {
    return { error: `unknown subcommand "${subcommand}": events takes options, or retry <delivery-id>` };
  }
  const id = rest[0];
  if (id === undefined || id === "" || rest.length > 1) return { error: "usage: deliverybot events retry <delivery-id>" };
  if (result.all || result.limit !== undefined) return { error: "--all and --limit list deliveries; retry takes neither" };
  return { ...result, retry: id };
}
