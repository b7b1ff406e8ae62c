import { editDistance } from "./edit-distance.js";

/**
 * The candidate nearest to `word` by edit distance, case-insensitively, when it is at most
 * `maxDistance` edits away; ties go to the first listed.
 */
export function findNearest<Candidate extends string>(
  word: string,
  candidates: readonly Candidate[],
  maxDistance: number,
): Candidate | undefined {
  const lower = word.toLowerCase();
  let best: Candidate | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
