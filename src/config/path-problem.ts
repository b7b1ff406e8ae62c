/** A path into a configuration document: mapping keys and list indexes, outermost first. */
export type KeyPath = readonly (string | number)[];

/** A problem found before we know which file and line it belongs to. */
export interface PathProblem {
  /** Where the problem is, as the user wrote the document (before any migration). */
  readonly path: KeyPath;
  /** What is wrong and how to fix it. */
  readonly message: string;
}
