import type { CliIo } from "./cli-io.js";

/** One `deliverybot <command>`: what the usage listing and `help <command>` show, and how it runs. */
export interface CliCommand {
  readonly name: string;
  /** The arguments shown after the name in the usage listing, e.g. `[path] [--format text|json]`. */
  readonly synopsis: string;
  /** One line for the usage listing. */
  readonly summary: string;
  /** The full text of `deliverybot help <command>`, ending in "\n". */
  readonly help: string;
  /**
   * Runs with the arguments after the command name and returns the exit code. Absent for a
   * command that is announced ("coming next") but not built in this version.
   */
  readonly run?: (args: readonly string[], io: CliIo) => Promise<number>;
}
