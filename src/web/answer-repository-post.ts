import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import type { OpenRepoContext, RepoContext } from "../deploy/repo-context.js";
import type { HookResponse } from "../hooks/hook-response.js";
import { MAX_ADMIN_BODY_BYTES } from "./admin-hooks-route.js";
import { adminError, findInstalledRepository, type FindRepository } from "./admin-route.js";
import { readLimitedBody } from "./read-limited-body.js";

/** What an admin route that deploys in a repository (`/admin/deploy`, `/admin/promote`) runs with. */
export interface AdminRepositoryRouteOptions {
  readonly log: Logger;
  /** The admin token; undefined or too short: the route is absent. */
  readonly adminToken: string | undefined;
  /** Finds the app's installation on a repository; rejects with GitHub's error (`status: 404` when not installed). */
  readonly findRepository: FindRepository;
  /** The context of work on a repository, as the app's installation on it. */
  readonly openRepo: OpenRepoContext;
}

/** A parsed body that names a repository. */
export interface RepositoryInput {
  readonly owner: string;
  readonly repo: string;
}

/**
 * What `POST /admin/deploy` and `POST /admin/promote` share: POST only (405), a body of at most
 * {@link MAX_ADMIN_BODY_BYTES} (413) that `parse` accepts (400, with what is wrong), the app's
 * installation on the repository it names (404 when not installed), then `run` as that
 * installation, with a logger naming the repository.
 */
export async function answerRepositoryPost<T extends RepositoryInput>(
  req: IncomingMessage,
  options: AdminRepositoryRouteOptions,
  parse: (text: string) => T | { readonly error: string },
  run: (deps: RepoContext, input: T) => Promise<HookResponse>,
): Promise<HookResponse> {
  if (req.method !== "POST") return adminError(405, "method not allowed", { allow: "POST" });
  const body = await readLimitedBody(req, MAX_ADMIN_BODY_BYTES);
  if (!body.ok) return adminError(413, `body too large (limit ${MAX_ADMIN_BODY_BYTES} bytes)`, { connection: "close" });
  const input = parse(body.text);
  if ("error" in input) return adminError(400, input.error);

  const repository = await findInstalledRepository(options.findRepository, options.log, input.owner, input.repo);
  if (!("repoId" in repository)) return repository;

  const repo = { id: repository.repoId, owner: repository.owner, name: repository.repo };
  const log = options.log.child({ repo: `${repo.owner}/${repo.name}` });
  const deps = await options.openRepo({ repo, installationId: repository.installationId }, { log, origin: null });
  return run(deps, input);
}
