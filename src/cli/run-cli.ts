import type { CliIo } from "./cli-io.js";
import { findCliCommand } from "./cli-commands.js";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";
import { renderUsage } from "./render-usage.js";
import { suggestCliCommand } from "./suggest-cli-command.js";

export type { CliIo } from "./cli-io.js";

/**
 * Runs `deliverybot <command> [arguments]` and returns the exit code: 0 success, 1 a command's
 * negative finding (an invalid file), 2 a usage error or a command that could not run. Help
 * (`--help`, `-h`, `help <command>`) goes to stdout; errors and the usage they need to stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) return usageError("a command is needed", io);
  if (name === "--help" || name === "-h") return showHelp(undefined, io);
  if (name === "help") return args.length > 1 ? usageError("help takes one command", io) : showHelp(args[0], io);

  const command = findCliCommand(name);
  if (command === undefined) return unknownCommand(name, io);
  if (asksForHelp(args)) return showHelp(name, io);
  if (command.run === undefined) {
    io.stderr(
      `deliverybot: "${name}" is not available in this version yet (coming next); run "deliverybot help" for the commands that are\n`,
    );
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // A bug, not a finding: exit 2 so CI does not read it as "the file is invalid" (1).
    io.stderr(`${toPlainLine(`deliverybot: ${name} failed unexpectedly: ${String(error)}; please report this bug`)}\n`);
    return EXIT_USAGE;
  }
}

function showHelp(name: string | undefined, io: CliIo): number {
  if (name === undefined || name === "--help" || name === "-h") {
    io.stdout(renderUsage());
    return EXIT_OK;
  }
  const command = findCliCommand(name);
  if (command === undefined) return unknownCommand(name, io);
  io.stdout(command.help);
  return EXIT_OK;
}

function unknownCommand(name: string, io: CliIo): number {
  if (name.startsWith("-")) return usageError(`unknown option "${name}"`, io);
  const suggestion = suggestCliCommand(name);
  return usageError(`unknown command "${name}"${suggestion === undefined ? "" : `; did you mean "${suggestion}"?`}`, io);
}

function usageError(message: string, io: CliIo): number {
  io.stderr(`${toPlainLine(`deliverybot: ${message}`)}\n\n${renderUsage()}`);
  return EXIT_USAGE;
}

/** `-h`/`--help` among the options; anything after `--` is an argument (a file may be called `-h`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  const options = end === -1 ? args : args.slice(0, end);
  return options.includes("--help") || options.includes("-h");
}
