import { suggestName } from "../config/suggest-name.js";
import { CLI_COMMANDS } from "./cli-commands.js";

const NAMES = [...CLI_COMMANDS.map((command) => command.name), "help"];

/** The command that `word` is probably a typo of (`valdate` → `validate`). */
export function suggestCliCommand(word: string): string | undefined {
  return suggestName(word, NAMES);
}
