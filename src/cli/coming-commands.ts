import type { CliCommand } from "./cli-command.js";

/**
 * Commands announced in the usage listing before they are built; running one says it is not
 * available yet. None at the moment: `deploy`, the last of issue 4, is built.
 */
export const COMING_COMMANDS: readonly CliCommand[] = [];
