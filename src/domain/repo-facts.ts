/** The repository an event is about, as the payload tells it. */
export interface RepoFacts {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
}

/** A user's permission on a repository (`maintain` counts as write, `triage` as read). */
export type RepoPermission = "admin" | "write" | "read" | "none";
