import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";

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
such target, no or invalid configuration), 2 usage error or the app could not do it.
`;

/** `deliverybot deploy`: creates a deployment through the running app's admin API and its gates. */
export const deployCommand: CliCommand = {
  name: "deploy",
  synopsis: "<owner/repo> <target> [--ref ...]",
  summary: "create a deployment through the app's gates, e.g. from another CI",
  help: HELP,
  run: runDeploy,
};

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

interface DeployArgs {
  readonly positional: string[];
  readonly url: string | undefined;
  readonly ref: string | undefined;
  readonly requestId: string | undefined;
}

async function runDeploy(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseDeployArgs(args);
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help deploy`);
  const [repository, target, ...extra] = parsed.positional;
  if (repository === undefined || target === undefined || extra.length > 0) {
    return fail(io, "usage: deliverybot deploy <owner/repo> <target> [--ref <branch|tag|sha>] [--request-id <id>]");
  }
  if (!REPOSITORY.test(repository)) return fail(io, `the repository must be owner/name, got "${repository}"`);
  if (parsed.ref === "") return fail(io, "--ref needs a branch, tag or commit SHA");
  if (parsed.requestId !== undefined && !REQUEST_ID.test(parsed.requestId)) {
    return fail(io, `--request-id must be 1 to 100 letters, digits, ".", "_" or "-", got "${parsed.requestId}"`);
  }
  const app = resolveAdminTarget(io, parsed.url);
  if ("error" in app) return fail(io, app.error);

  const body = {
    repository,
    target,
    ...(parsed.ref === undefined ? {} : { ref: parsed.ref }),
    ...(parsed.requestId === undefined ? {} : { requestId: parsed.requestId }),
  };
  const answer = await callAdmin(io, app, "POST", "/admin/deploy", body);
  if (answer.ok) {
    const sha = String(answer.body["sha"]).slice(0, 7);
    const environment = String(answer.body["environment"]);
    if (answer.body["status"] === "already_deployed") {
      io.stdout(`Already deployed: this request was handled before; ${sha} is not deployed to ${environment} again.\n`);
    } else {
      io.stdout(
        `Deployed ${sha} to ${environment} (target ${String(answer.body["target"])}): deployment ${String(answer.body["deployment"])}.\n`,
      );
    }
    return EXIT_OK;
  }
  const reason = answer.body?.["reason"];
  if (typeof reason === "string") {
    const message = answer.body?.["message"];
    io.stderr(
      `${toPlainLine(`deliverybot deploy: refused (${reason}): ${typeof message === "string" ? message : answer.message}`)}\n`,
    );
    return EXIT_INVALID;
  }
  const detail = answer.body?.["message"];
  return fail(io, typeof detail === "string" ? `${answer.message}: ${detail}` : answer.message);
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${toPlainLine(`deliverybot deploy: ${message}`)}\n`);
  return EXIT_USAGE;
}

function parseDeployArgs(args: readonly string[]): DeployArgs | { error: string } {
  const positional: string[] = [];
  const values: { url?: string; ref?: string; "request-id"?: string } = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    const option = /^--(url|ref|request-id)(?:=(.*))?$/s.exec(arg);
    if (option !== null) {
      const name = option[1] as "url" | "ref" | "request-id";
      let value = option[2];
      if (value === undefined) {
        value = args[i + 1];
        if (value === undefined) return { error: `--${name} needs a value` };
        i += 1;
      }
      if (values[name] !== undefined) return { error: `--${name} is given twice` };
      values[name] = value;
    } else if (arg === "--token" || arg.startsWith("--token=")) {
      return { error: "the admin token is read from the ADMIN_TOKEN environment variable only, never a flag (shell history)" };
    } else if (arg.startsWith("-") && arg !== "-") {
      return { error: `unknown option "${arg}"` };
    } else {
      positional.push(arg);
    }
  }
  return { positional, url: values.url, ref: values.ref, requestId: values["request-id"] };
}
