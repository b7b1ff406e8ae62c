import type { FakeRepositoryOptions } from "./fake-github-types.js";
import { stableId } from "./stable-id.js";

/** A repository the app is installed on, as the fake describes it. */
export interface FakeRepository {
  readonly owner: string;
  readonly name: string;
  /** `owner/name`. */
  readonly fullName: string;
  readonly id: number;
  readonly installationId: number;
  readonly private: boolean;
  readonly defaultBranch: string;
}

/** The part of the fake's state that knows repositories. */
interface Registry {
  readonly repositories: Map<string, FakeRepository>;
}

/**
 * Adds a repository to the fake with the defaults of {@link FakeRepositoryOptions}, or returns it when
 * the fake knows it already (the options are then ignored). Throws for a name that is not `owner/name`.
 */
export function registerRepository(registry: Registry, fullName: string, options: FakeRepositoryOptions = {}): FakeRepository {
  const known = registry.repositories.get(fullName);
  if (known !== undefined) return known;
  const [owner = "", name = "", ...rest] = fullName.split("/");
  if (owner === "" || name === "" || rest.length > 0)
    throw new Error(`fake GitHub: a repository is "owner/name", got "${fullName}"`);
  const repository: FakeRepository = {
    owner,
    name,
    fullName,
    id: options.id ?? repositoryId(registry, fullName),
    installationId: options.installationId ?? installationOf(registry, owner),
    private: options.private ?? false,
    defaultBranch: options.defaultBranch ?? "main",
  };
  registry.repositories.set(fullName, repository);
  return repository;
}

/** The id of a repository: as registered, else derived from its name (the same in every answer of the fake). */
export function repositoryId(registry: Registry, fullName: string): number {
  return registry.repositories.get(fullName)?.id ?? stableId(`repository:${fullName.toLowerCase()}`);
}

/** An owner's installation: that of one of its repositories, else the lowest id no other owner has. */
function installationOf(registry: Registry, owner: string): number {
  const known = [...registry.repositories.values()];
  const sibling = known.find((r) => r.owner.toLowerCase() === owner.toLowerCase());
  if (sibling !== undefined) return sibling.installationId;
  const taken = new Set(known.map((r) => r.installationId));
  let id = 1;
  while (taken.has(id)) id += 1;
  return id;
}
