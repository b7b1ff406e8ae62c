import type { CliCommand } from "./cli-command.js";
import { COMING_COMMANDS } from "./coming-commands.js";
import { deployCommand } from "./deploy-command.js";
import { eventsCommand } from "./events-command.js";
import { hooksCommand } from "./hooks-command.js";
import { notifyCommand } from "./notify-command.js";
import { promoteCommand } from "./promote-command.js";
import { validateCommand } from "./validate-command.js";

/** Every `deliverybot <command>`, in the order the usage lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  validateCommand,
  hooksCommand,
  eventsCommand,
  deployCommand,
  promoteCommand,
  notifyCommand,
  ...COMING_COMMANDS,
];

/** The command called `name` (exactly: commands are lower case), if there is one. */
export function findCliCommand(name: string): CliCommand | undefined {
  return CLI_COMMANDS.find((command) => command.name === name);
}
