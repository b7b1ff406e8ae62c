import type { RepoFacts } from "../domain/repo-facts.js";

/** The repository an event is about, from the payload's `repository`. */
export function readRepo(repository: { id: number; name: string; owner: { login: string } }): RepoFacts {
  return { id: repository.id, owner: repository.owner.login, name: repository.name };
}
