import type { CliCommand } from "./cli-command.js";

const NOT_YET = "Not available in this version yet (coming next).";

/** Announced in the usage listing; running one says it is not available yet (see issue 4). */
export const COMING_COMMANDS: readonly CliCommand[] = [
  {
    name: "deploy",
    synopsis: "<owner/repo> <target> [--ref ...]",
    summary: "create a deployment through the app's gates, e.g. from another CI",
    help: `Usage: deliverybot deploy <owner/repo> <target> [--ref ...]\n\nCreates a deployment with the app's own credentials, through the same gates as any\nother deploy (locks, required checks).\n\n${NOT_YET}\n`,
  },
];
