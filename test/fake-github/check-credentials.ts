import type { FakeState } from "./fake-github-state.js";
import { FAKE_ROUTES, FAKE_WEB_ROUTES } from "./fake-github-types.js";
import type { RouteResponse } from "./route-handler.js";
import { findTokenUser } from "./user-state.js";

const APP_JWT = /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i;

const APP_ROUTES: ReadonlySet<string> = new Set([FAKE_ROUTES.createInstallationToken, FAKE_ROUTES.getRepoInstallation]);
const USER_ROUTES: ReadonlySet<string> = new Set([
  FAKE_ROUTES.getAuthenticatedUser,
  FAKE_ROUTES.listInstallationsForUser,
  FAKE_ROUTES.listInstallationReposForUser,
]);
const WEB_ROUTES: ReadonlySet<string> = new Set(Object.values(FAKE_WEB_ROUTES));

/**
 * GitHub's refusal of a request to `route` (`METHOD /template`) for its `Authorization` header, or
 * `undefined` when the credentials fit: the installation token exchange and a repository's
 * installation take the app's JWT, the `/user…` routes a user token from the OAuth web flow (an
 * installation token there is "not accessible by integration", 403), the web routes nothing, and
 * every other route an installation token the fake handed out.
 */
export function checkCredentials(
  state: FakeState,
  route: string,
  authorization: string | undefined,
  at: number,
): RouteResponse | undefined {
  if (WEB_ROUTES.has(route)) return undefined;
  if (APP_ROUTES.has(route)) return APP_JWT.test(authorization ?? "") ? undefined : badCredentials();
  const [scheme = "", token = ""] = (authorization ?? "").split(" ");
  const installationToken = /^(token|bearer)$/i.test(scheme) && state.tokens.has(token);
  if (!USER_ROUTES.has(route)) return installationToken ? undefined : badCredentials();
  if (findTokenUser(state.users, authorization, at) !== undefined) return undefined;
  if (installationToken) return { status: 403, body: { message: "Resource not accessible by integration", status: "403" } };
  return badCredentials();
}

function badCredentials(): RouteResponse {
  return { status: 401, body: { message: "Bad credentials" } };
}
