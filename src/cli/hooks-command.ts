import { callAdmin, DEFAULT_APP_URL, resolveAdminTarget, type AdminTarget } from "./admin-client.js";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { readCliOptions } from "./read-cli-options.js";
import { renderTable, shortTime } from "./render-table.js";

const HELP = `Usage: deliverybot hooks create <owner/repo> <name> [--url <app-url>]
       deliverybot hooks list [owner/repo] [--url <app-url>]
       deliverybot hooks revoke <hook-id> [--url <app-url>]

Creates, lists and revokes the inbound deploy hooks that let another system (Docker Hub,
another CI) trigger a deploy through POST /hooks/deploy/<hook-id>. A target deploys through
a hook only when it lists the hook's name in .github/deploy.yml (hooks: [dockerhub]).

Commands:
  create <owner/repo> <name>   create a hook and print its URL and token; the token is shown
                               this one time only (the app keeps only its hash)
  list [owner/repo]            list the hooks, of one repository or of all, revoked ones included
  revoke <hook-id>             revoke a hook: its URL answers 404 from now on

The CLI talks to the running app's admin API, so it needs no database access:
  --url <app-url>       the app's address; default $DELIVERYBOT_URL, else ${DEFAULT_APP_URL}
  ADMIN_TOKEN           environment variable: the admin token the app was started with
                        (at least 32 characters). It is never a flag, so that it does not
                        land in your shell history.
  -h, --help            show this help

Example:
  ADMIN_TOKEN=... deliverybot hooks create acme/shop dockerhub --url https://deliverybot.example.com

Exit codes: 0 done, 1 no such hook to revoke, 2 usage error or the app could not do it.
`;

/** `deliverybot hooks create|list|revoke`: manages deploy hooks through the running app's admin API. */
export const hooksCommand: CliCommand = {
  name: "hooks",
  synopsis: "create|list|revoke",
  summary: "manage the tokens of inbound deploy hooks",
  help: HELP,
  run: runHooks,
};

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

async function runHooks(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readCliOptions(args, { values: ["url"] });
  if ("error" in parsed) return fail(io, `${parsed.error}; see deliverybot help hooks`);
  const [action, ...rest] = parsed.positional;
  const arity = { create: 2, list: 1, revoke: 1 } as const;
  if (action !== "create" && action !== "list" && action !== "revoke") {
    return fail(
      io,
      `${action === undefined ? "a subcommand is needed" : `unknown subcommand "${action}"`}: create, list or revoke; see deliverybot help hooks`,
    );
  }
  if (rest.length > arity[action] || (action !== "list" && rest.length < arity[action])) {
    const usage = { create: "create <owner/repo> <name>", list: "list [owner/repo]", revoke: "revoke <hook-id>" }[action];
    return fail(io, `usage: deliverybot hooks ${usage}`);
  }
  const repository = action === "revoke" ? undefined : rest[0];
  if (repository !== undefined && !REPOSITORY.test(repository)) {
    return fail(io, `the repository must be owner/name, got "${repository}"`);
  }
  const target = resolveAdminTarget(io, parsed.values.url);
  if ("error" in target) return fail(io, target.error);

  if (action === "create") return createHook(io, target, rest[0] ?? "", rest[1] ?? "");
  if (action === "list") return listHooks(io, target, repository);
  return revokeHook(io, target, rest[0] ?? "");
}

async function createHook(io: CliIo, target: AdminTarget, repository: string, name: string): Promise<number> {
  const answer = await callAdmin(io, target, "POST", "/admin/hooks", { repository, name });
  if (!answer.ok) return fail(io, answer.message);
  const { id, url, token } = answer.body;
  const hookRepository = String(answer.body["repository"]);
  io.stdout(
    [
      `Created hook ${String(id)} "${String(answer.body["name"])}" for ${hookRepository}.`,
      "",
      `  URL:   ${String(url)}`,
      `  Token: ${String(token)}`,
      "",
      "This token is shown once: store it now in the sender's secrets. The app keeps only its hash,",
      "so it cannot be shown again; to replace it, create another hook and revoke this one.",
      "",
      "Call it from another CI with the token in a header:",
      `  curl -X POST -H "X-Deploy-Secret: ${String(token)}" ${String(url)}`,
      "or give senders that can only call a URL (a Docker Hub webhook) this URL:",
      `  ${String(url)}?token=${String(token)}`,
      "",
      `A target deploys through it when .github/deploy.yml in ${hookRepository} lists the name: hooks: [${String(answer.body["name"])}]`,
      "",
    ].join("\n"),
  );
  return EXIT_OK;
}

interface ListedHook {
  readonly id: string;
  readonly name: string;
  readonly repository: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

async function listHooks(io: CliIo, target: AdminTarget, repository: string | undefined): Promise<number> {
  const query = repository === undefined ? "" : `?repository=${encodeURIComponent(repository)}`;
  const answer = await callAdmin(io, target, "GET", `/admin/hooks${query}`);
  if (!answer.ok) return fail(io, answer.message);
  const hooks = Array.isArray(answer.body["hooks"]) ? (answer.body["hooks"] as ListedHook[]) : [];
  if (hooks.length === 0) {
    io.stdout(
      `No hooks${repository === undefined ? "" : ` for ${repository}`}; create one with deliverybot hooks create <owner/repo> <name>\n`,
    );
    return EXIT_OK;
  }
  const rows = [
    ["ID", "NAME", "REPOSITORY", "CREATED", "STATUS"],
    ...hooks.map((hook) => [
      hook.id,
      hook.name,
      hook.repository,
      shortTime(hook.createdAt),
      hook.revokedAt === null ? "active" : `revoked ${shortTime(hook.revokedAt)}`,
    ]),
  ].map((row) => row.map((cell) => String(cell)));
  io.stdout(renderTable(rows));
  return EXIT_OK;
}

async function revokeHook(io: CliIo, target: AdminTarget, id: string): Promise<number> {
  const answer = await callAdmin(io, target, "DELETE", `/admin/hooks/${encodeURIComponent(id)}`);
  if (!answer.ok && answer.fromApi === true && answer.status === 404) {
    io.stderr(
      `${toPlainLine(`deliverybot hooks: no active hook "${id}" (unknown or already revoked); see deliverybot hooks list`)}\n`,
    );
    return EXIT_INVALID;
  }
  if (!answer.ok) return fail(io, answer.message);
  io.stdout(`Revoked hook ${id}: its URL answers 404 from now on.\n`);
  return EXIT_OK;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${toPlainLine(`deliverybot hooks: ${message}`)}\n`);
  return EXIT_USAGE;
}
