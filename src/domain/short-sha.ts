/** The seven-character form of a commit SHA that people read and GitHub links. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
