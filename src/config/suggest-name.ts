import { findNearest } from "./find-nearest.js";

const MAX_DISTANCE = 2;
const MIN_LENGTH = 3;

/**
 * The name that `word` is probably a typo of (`deplyo` → `deploy`): the nearest of `names` within
 * two edits, case-insensitively, ties going to the first listed. Words under three characters
 * suggest nothing, so `/a` or `/me` stay ordinary comments.
 */
export function suggestName<Name extends string>(word: string, names: readonly Name[]): Name | undefined {
  // Further than two edits from every name by length alone; also bounds the work on long input.
  const longest = Math.max(...names.map((name) => name.length));
  if (word.length < MIN_LENGTH || word.length > longest + MAX_DISTANCE) return undefined;
  return findNearest(word, names, MAX_DISTANCE);
}
