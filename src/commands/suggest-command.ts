import { suggestName } from "../config/suggest-name.js";
import { COMMAND_NAMES, type CommandName } from "./command.js";

/** The command that `word` (the text after the prefix, not itself a command) is probably a typo of. */
export function suggestCommand(word: string): CommandName | undefined {
  return suggestName(word, COMMAND_NAMES);
}
