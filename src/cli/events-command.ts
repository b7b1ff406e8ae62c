import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { renderTable, shortTime } from "./render-table.js";

/** Longest error shown in the table; longer ones end in "…". */
export const MAX_ERROR_WIDTH = 100;

const REDELIVER_HINT = `GitHub can redeliver a failed delivery: Settings → Developer settings → GitHub Apps → the app →
Advanced → Recent deliveries → the delivery → Redeliver. Deliverybot processes it again.`;

const STUCK_HINT = `A stuck delivery (still processing after 10 minutes: the app likely stopped while handling it)
counts as seen: a redelivery of it is skipped as a duplicate.`;

const HELP = `Usage: deliverybot events [--all] [--limit N] [--url <app-url>]

Lists the webhook deliveries Deliverybot failed to process (GitHub's API failing, a bug), newest
first, with their event, when GitHub delivered them and the last error.

${REDELIVER_HINT}

Options:
  --all                 also list deliveries stuck in processing for more than 10 minutes
  --limit N             list at most N (1 to 1000); default 50
  --url <app-url>       the app's address; default $DELIVERYBOT_URL, else ${DEFAULT_APP_URL}
  ADMIN_TOKEN           environment variable: the admin token the app was started with
                        (at least 32 characters); never a flag (shell history)
  -h, --help            show this help

Exit codes: 0 listed (also when there is nothing to list), 2 usage error or the app could not answer.
`;

/** `deliverybot events`: the failed (and stuck) webhook deliveries, through the running app's admin API. */
export const eventsCommand: CliCommand = {
  name: "events",
  synopsis: "[--all] [--limit N]",
  summary: "list webhook deliveries that failed (or are stuck)",
  help: HELP,
  run: runEvents,
};

interface ListedEvent {
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: string;
  readonly error: string | null;
  readonly receivedAt: string;
  readonly finishedAt: string | null;
}

async function runEvents(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseEventsArgs(args);
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help events`);
  const target = resolveAdminTarget(io, parsed.url);
  if ("error" in target) return fail(io, target.error);

  const query = new URLSearchParams();
  if (parsed.all) query.set("all", "1");
  if (parsed.limit !== undefined) query.set("limit", String(parsed.limit));
  const search = query.size === 0 ? "" : `?${query.toString()}`;
  const answer = await callAdmin(io, target, "GET", `/admin/events${search}`);
  if (!answer.ok) return fail(io, answer.message);
  const events = Array.isArray(answer.body["events"]) ? (answer.body["events"] as ListedEvent[]) : [];
  if (events.length === 0) {
    io.stdout(parsed.all ? "No failed or stuck events.\n" : "No failed events.\n");
    return EXIT_OK;
  }
  const rows = [
    ["DELIVERY", "EVENT", "STATUS", "WHEN", "ERROR"],
    ...events.map((event) => [
      String(event.id),
      event.action === null ? String(event.event) : `${String(event.event)}.${String(event.action)}`,
      event.status === "processing" ? "stuck" : String(event.status),
      shortTime(String(event.receivedAt)),
      event.status === "processing" ? "still processing after 10+ minutes" : oneLine(event.error ?? ""),
    ]),
  ];
  const stuck = events.some((event) => event.status === "processing");
  io.stdout(`${renderTable(rows)}\n${REDELIVER_HINT}\n${stuck ? `${STUCK_HINT}\n` : ""}`);
  return EXIT_OK;
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

type EventsArgs = { all: boolean; limit: number | undefined; url: string | undefined };

function parseEventsArgs(args: readonly string[]): EventsArgs | { error: string } {
  const result: EventsArgs = { all: false, limit: undefined, url: undefined };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--all" && inline === undefined) {
      result.all = true;
    } else if (flag === "--limit" || flag === "--url") {
      const value = inline ?? args[i + 1];
      if (value === undefined) return { error: `${flag} needs a value` };
      if (inline === undefined) i += 1;
      if (flag === "--url") {
        result.url = value;
      } else {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) {
          return { error: `--limit must be a whole number from 1 to 1000, got "${value}"` };
        }
        result.limit = Number(value);
      }
    } else if (flag === "--token") {
      return { error: "the admin token is read from the ADMIN_TOKEN environment variable only, never a flag (shell history)" };
    } else if (arg.startsWith("-")) {
      return { error: `unknown option "${arg}"` };
    } else {
      return { error: `unexpected argument "${arg}": events takes only options` };
    }
  }
  return result;
}
