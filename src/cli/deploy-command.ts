import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { checkDeployArguments } from "./check-deploy-arguments.js";
import { EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { readCliOptions } from "./read-cli-options.js";
import { reportDeployAnswer } from "./report-deploy-answer.js";

const HELP = `Usage: deliverybot deploy <owner/repo> <target> [--ref <branch|tag|sha>] [--request-id <id>] [--url <app-url>]

Creates a deployment of <target> with the app's own credentials, through the same gates as any
other deploy: the configuration on the default branch, locks and the target's required checks
(never forced). It is meant for CI systems that are not GitHub Actions. The target need not list
a hook: the admin token is the permission.

Options:
  --ref <branch|tag|sha>  what to deploy; default the default branch's head
  --request-id <id>       deploys at most once per id (1 to 100 letters, digits, ".", "_", "-"):
                          a retry with the same id answers "already deployed". Without one, the
                          same target and commit count as the same request.
  --url <app-url>         the app's address; default $DELIVERYBOT_URL, else ${DEFAULT_APP_URL}
  ADMIN_TOKEN             environment variable: the admin token the app was started with
                          (at least 32 characters); never a flag (shell history)
  -h, --help              show this help

Example, from another CI:
  ADMIN_TOKEN=… deliverybot deploy acme/shop production --ref "$GIT_COMMIT" --request-id "build-$BUILD_NUMBER" --url https://deliverybot.example.com

Exit codes: 0 deployed or already deployed, 1 refused by a gate (locked, checks not green, no
such target, no or invalid configuration), 2 usage error or the app could not do it, 3 kept until
the target's approvals are in (it deploys then, once).
`;

/** `deliverybot deploy`: creates a deployment through the running app's admin API and its gates. */
export const deployCommand: CliCommand = {
  name: "deploy",
  synopsis: "<owner/repo> <target> [--ref ...]",
  summary: "create a deployment through the app's gates, e.g. from another CI",
  help: HELP,
  run: runDeploy,
};

async function runDeploy(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readCliOptions(args, { values: ["url", "ref", "request-id"] });
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help deploy`);
  const { url, ref, "request-id": requestId } = parsed.values;
  const [repository, target, ...extra] = parsed.positional;
  if (repository === undefined || target === undefined || extra.length > 0) {
    return fail(io, "usage: deliverybot deploy <owner/repo> <target> [--ref <branch|tag|sha>] [--request-id <id>]");
  }
  const wrong = checkDeployArguments(repository, requestId);
  if (wrong !== undefined) return fail(io, wrong);
  if (ref === "") return fail(io, "--ref needs a branch, tag or commit SHA");
  const app = resolveAdminTarget(io, url);
  if ("error" in app) return fail(io, app.error);

  const body = {
    repository,
    target,
    ...(ref === undefined ? {} : { ref: ref }),
    ...(requestId === undefined ? {} : { requestId: requestId }),
  };
  return reportDeployAnswer(io, "deploy", await callAdmin(io, app, "POST", "/admin/deploy", body));
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${toPlainLine(`deliverybot deploy: ${message}`)}\n`);
  return EXIT_USAGE;
}
