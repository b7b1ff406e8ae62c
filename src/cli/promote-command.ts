import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { checkDeployArguments } from "./check-deploy-arguments.js";
import { EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { readCliOptions } from "./read-cli-options.js";
import { reportDeployAnswer } from "./report-deploy-answer.js";

const HELP = `Usage: deliverybot promote <owner/repo> <from> <to> [--request-id <id>] [--url <app-url>]

Deploys to <to> the commit of the newest deployment of <from>'s environment, once that deployment
succeeded, as the pull request command /promote does (no soak: a person decides). It goes with
the app's own credentials through <to>'s gates, as deliverybot deploy does: the configuration on
the default branch, locks, freezes and the target's required checks (never forced). <from>'s
environment is the one it deploys to outside a pull request.

Options:
  --request-id <id>       promotes at most once per id (1 to 100 letters, digits, ".", "_", "-"):
                          a retry with the same id answers "already deployed". Without one, the
                          same promotion of the same commit counts as the same request.
  --url <app-url>         the app's address; default $DELIVERYBOT_URL, else ${DEFAULT_APP_URL}
  ADMIN_TOKEN             environment variable: the admin token the app was started with
                          (at least 32 characters); never a flag (shell history)
  -h, --help              show this help

Example, once staging is verified:
  ADMIN_TOKEN=… deliverybot promote acme/shop staging production --request-id "release-$BUILD_NUMBER" --url https://deliverybot.example.com

Exit codes: 0 deployed or already deployed, 1 refused (<from>'s newest deployment has not succeeded
yet or failed, nothing was deployed there, locked, frozen, checks not green, no such target, no or
invalid configuration), 2 usage error or the app could not do it, 3 kept until <to>'s approvals are
in (it deploys then, once).
`;

/** `deliverybot promote`: deploys what succeeded in one target to another through the running app's admin API and its gates. */
export const promoteCommand: CliCommand = {
  name: "promote",
  synopsis: "<owner/repo> <from> <to>",
  summary: "deploy to <to> what succeeded in <from>, through the app's gates",
  help: HELP,
  run: runPromote,
};

async function runPromote(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readCliOptions(args, { values: ["url", "request-id"] });
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help promote`);
  const { url, "request-id": requestId } = parsed.values;
  const [repository, from, to, ...extra] = parsed.positional;
  if (repository === undefined || from === undefined || to === undefined || extra.length > 0) {
    return fail(io, "usage: deliverybot promote <owner/repo> <from> <to> [--request-id <id>]");
  }
  const wrong = checkDeployArguments(repository, requestId);
  if (wrong !== undefined) return fail(io, wrong);
  const app = resolveAdminTarget(io, url);
  if ("error" in app) return fail(io, app.error);

  const body = { repository, from, to, ...(requestId === undefined ? {} : { requestId }) };
  return reportDeployAnswer(io, "promote", await callAdmin(io, app, "POST", "/admin/promote", body));
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${toPlainLine(`deliverybot promote: ${message}`)}\n`);
  return EXIT_USAGE;
}
