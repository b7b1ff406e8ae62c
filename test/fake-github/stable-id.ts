/**
 * A positive id derived from a text (FNV-1a), between 100 000 and 9 999 999: the fake names users and
 * repositories it was told nothing about with the same id in every answer, and distinct names almost
 * never share one.
 */
export function stableId(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 100_000 + (hash % 9_900_000);
}
