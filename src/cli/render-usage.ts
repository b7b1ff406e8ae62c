import { CLI_COMMANDS } from "./cli-commands.js";

/** `deliverybot --help`: the commands, one line each; those not built yet are marked. Ends in "\n". */
export function renderUsage(): string {
  const rows = [
    ...CLI_COMMANDS.map((command) => {
      const marker = command.run === undefined ? " (coming next)" : "";
      return [`${command.name} ${command.synopsis}`.trim(), `${command.summary}${marker}`] as const;
    }),
    ["help [command]", "show the help of a command"] as const,
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
  return `Usage: deliverybot <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun deliverybot help <command> for a command's arguments and options.\n`;
}
