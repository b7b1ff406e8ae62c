import { COMMAND_NAMES, type CommandName } from "./command.js";
import { editDistance } from "./edit-distance.js";

const MAX_DISTANCE = 2;
const MIN_LENGTH = 3;
const LONGEST_NAME = Math.max(...COMMAND_NAMES.map((name) => name.length));

/**
 * The command that `word` (the text after the prefix, not itself a command) is probably a typo of:
 * the nearest within two edits, ties going to the first in `COMMAND_NAMES`. Words shorter than
 * three characters suggest nothing, so `/a` or `/me` stay ordinary comments.
 */
export function suggestCommand(word: string): CommandName | undefined {
  // Further than two edits from every name by length alone; also bounds the work on long input.
  if (word.length < MIN_LENGTH || word.length > LONGEST_NAME + MAX_DISTANCE) return undefined;
  const lower = word.toLowerCase();
  let best: CommandName | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const name of COMMAND_NAMES) {
    const distance = editDistance(lower, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
