import type { ProbotOctokit } from "probot";
import { appIdOf } from "./fake-github-state.js";
import { fullRepositoryJson } from "./repository-json.js";
import { notFound, type RouteHandler } from "./route-handler.js";
import { installationJson } from "./user-json.js";

type Rest = InstanceType<typeof ProbotOctokit>["rest"];
/** The answer's type as Octokit declares it (from GitHub's OpenAPI description): the compiler checks the fake's shape. */
type RepoInstallation = Awaited<ReturnType<Rest["apps"]["getRepoInstallation"]>>["data"];

// The admin API's lookup of a repository by name (createFindRepository): its installation with the
// app's JWT, then the repository with that installation's token (check-credentials.ts).

/** `GET /repos/{owner}/{repo}/installation`: the app's installation on a repository the fake knows, else 404. */
export const getRepoInstallation: RouteHandler = (request, state) => {
  const repository = state.repositories.get(request.repo);
  if (repository === undefined) return notFound();
  const body: RepoInstallation = installationJson(repository, appIdOf(state), request);
  return { status: 200, body };
};

/** `GET /repos/{owner}/{repo}`: a repository the fake knows (id, owner, default branch, visibility…), else 404. */
export const getRepository: RouteHandler = (request, state) => {
  const repository = state.repositories.get(request.repo);
  return repository === undefined ? notFound() : { status: 200, body: fullRepositoryJson(repository, request) };
};
