import { editDistance } from "../commands/edit-distance.js";
import { CLI_COMMANDS } from "./cli-commands.js";

const MAX_DISTANCE = 2;
const MIN_LENGTH = 3;
const NAMES = [...CLI_COMMANDS.map((command) => command.name), "help"];
const LONGEST_NAME = Math.max(...NAMES.map((name) => name.length));

/**
 * The command that `word` is probably a typo of (`valdate` → `validate`): the nearest within two
 * edits, case-insensitively, ties going to the first listed. Words under three characters suggest nothing.
 */
export function suggestCliCommand(word: string): string | undefined {
  // Further than two edits from every name by length alone; also bounds the work on long input.
  if (word.length < MIN_LENGTH || word.length > LONGEST_NAME + MAX_DISTANCE) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const name of NAMES) {
    const distance = editDistance(lower, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
