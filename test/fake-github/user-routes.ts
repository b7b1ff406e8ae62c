import type { FakeRole } from "./fake-github-types.js";
import { paginate } from "./paginate.js";
import { appIdOf, type FakeState } from "./fake-github-state.js";
import { registerRepository, type FakeRepository } from "./register-repository.js";
import { repositoryJson } from "./repository-json.js";
import { notFound, type RouteHandler, type RouteRequest, type RouteResponse } from "./route-handler.js";
import { authenticatedUserJson, installationJson } from "./user-json.js";
import { findTokenUser, grantsOf, type FakeUser } from "./user-state.js";

// The server lets only a valid user token reach these routes (check-credentials.ts).

/** `GET /user`: the user the token was issued to. */
export const getAuthenticatedUser: RouteHandler = (request, state) =>
  withUser(request, state, (user) => ({ status: 200, body: authenticatedUserJson(user, request) }));

/** `GET /user/installations`: the app's installations holding a repository the user was granted a role on. */
export const listInstallationsForUser: RouteHandler = (request, state) =>
  withUser(request, state, (user) => {
    const byId = new Map<number, FakeRepository>();
    for (const { repository } of visibleRepositories(state, user)) byId.set(repository.installationId, repository);
    const appId = appIdOf(state);
    const all = [...byId.values()]
      .sort((a, b) => a.installationId - b.installationId)
      .map((repository) => installationJson(repository, appId, request));
    const page = paginate(all, request.query, `${request.apiUrl}/user/installations`);
    return { status: 200, body: { total_count: all.length, installations: page.items }, headers: page.headers };
  });

/**
 * `GET /user/installations/{installation_id}/repositories`: the installation's repositories the user
 * was granted a role on, with what the role permits; 404 when there is none (GitHub's answer for an
 * installation the user cannot see).
 */
export const listInstallationReposForUser: RouteHandler = (request, state) =>
  withUser(request, state, (user) => {
    const installationId = Number(request.params["installation_id"]);
    const all = visibleRepositories(state, user)
      .filter(({ repository }) => repository.installationId === installationId)
      .map(({ repository, role }) => repositoryJson(repository, role, request));
    if (all.length === 0) return notFound();
    const page = paginate(all, request.query, `${request.apiUrl}/user/installations/${installationId}/repositories`);
    return {
      status: 200,
      body: { total_count: all.length, repository_selection: "all", repositories: page.items },
      headers: page.headers,
    };
  });

function withUser(request: RouteRequest, state: FakeState, answer: (user: FakeUser) => RouteResponse): RouteResponse {
  const user = findTokenUser(state.users, request.headers.authorization, request.at);
  return user === undefined ? { status: 401, body: { message: "Bad credentials" } } : answer(user);
}

/** The repositories a user has a role on, by name. */
function visibleRepositories(
  state: FakeState,
  user: FakeUser,
): Array<{ repository: FakeRepository; role: Exclude<FakeRole, "none"> }> {
  return [...grantsOf(state.users, user.login)]
    .map(([name, role]) => ({ repository: registerRepository(state, name), role }))
    .sort((a, b) => a.repository.fullName.localeCompare(b.repository.fullName));
}
