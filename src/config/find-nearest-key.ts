import { findNearest } from "./find-nearest.js";

/**
 * The candidate closest to `key` by edit distance (case-insensitive), when it is close enough to
 * be a typo: at most a third of the key's length (at least one edit) away.
 */
export function findNearestKey(key: string, candidates: readonly string[]): string | undefined {
  return findNearest(key, candidates, Math.max(1, Math.floor(key.length / 3)));
}
