import { exchangeWebFlowCode } from "@octokit/oauth-methods";
import { request } from "@octokit/request";
import type { RepoPermission } from "../domain/repo-facts.js";

/** Who signed in to the dashboard. */
export interface SignedInUser {
  readonly login: string;
  readonly id: number;
  readonly avatarUrl: string;
}

/** A repository of the app's installations that the signed-in user can see, with their permission on it. */
export interface VisibleRepository {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  readonly installationId: number;
  readonly private: boolean;
  readonly permission: RepoPermission;
}

/** GitHub as the signed-in user (user-to-server): only what the user can see. */
export interface UserGitHub {
  getUser(): Promise<SignedInUser>;
  /** Every repository of every installation of the app the user can access. */
  listVisibleRepositories(): Promise<VisibleRepository[]>;
}

/** What exchanging a web-flow code needs: the app's OAuth credentials and where GitHub's API is. */
export interface OAuthExchange {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly code: string;
  readonly redirectUrl: string;
  /** `https://api.github.com` or `<server>/api/v3`; the exchange itself goes to the matching web host. */
  readonly apiUrl: string;
}

const PAGE_SIZE = 100;
/** A user with more than this many repositories sees the first ones: a bound on the calls one sign-in costs. */
const MAX_PAGES = 10;

/**
 * Exchanges the code of GitHub's OAuth web flow for the user's token (a GitHub App user token).
 * GitHub answers a bad or used code with an error in a 200 body; it is thrown with its code.
 */
export async function exchangeOAuthCode(exchange: OAuthExchange): Promise<string> {
  const { authentication } = await exchangeWebFlowCode({
    clientType: "github-app",
    clientId: exchange.clientId,
    clientSecret: exchange.clientSecret,
    code: exchange.code,
    redirectUrl: exchange.redirectUrl,
    request: request.defaults({ baseUrl: exchange.apiUrl }),
  });
  return authentication.token;
}

/** The user's view of GitHub through their token. */
export function createUserGitHub(token: string, apiUrl: string): UserGitHub {
  const asUser = request.defaults({ baseUrl: apiUrl, headers: { authorization: `token ${token}` } });
  return {
    async getUser() {
      const { data } = await asUser("GET /user");
      return { login: data.login, id: Number(data.id), avatarUrl: data.avatar_url };
    },
    async listVisibleRepositories() {
      const repositories: VisibleRepository[] = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const { data } = await asUser("GET /user/installations", { per_page: PAGE_SIZE, page });
        for (const installation of data.installations) {
          repositories.push(...(await listInstallationRepositories(asUser, installation.id)));
        }
        if (data.installations.length < PAGE_SIZE) break;
      }
      return repositories;
    },
  };
}

async function listInstallationRepositories(asUser: typeof request, installationId: number): Promise<VisibleRepository[]> {
  const repositories: VisibleRepository[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data } = await asUser("GET /user/installations/{installation_id}/repositories", {
      installation_id: installationId,
      per_page: PAGE_SIZE,
      page,
    });
    for (const repo of data.repositories) {
      repositories.push({
        id: Number(repo.id),
        owner: repo.owner.login,
        name: repo.name,
        installationId,
        private: repo.private,
        permission: permissionOf(repo.permissions),
      });
    }
    if (data.repositories.length < PAGE_SIZE) break;
  }
  return repositories;
}

/** GitHub's permission flags as the one level the commands use (`maintain` counts as write). */
function permissionOf(
  flags: { admin?: boolean; maintain?: boolean; push?: boolean; pull?: boolean } | undefined,
): RepoPermission {
  if (flags?.admin === true) return "admin";
  if (flags?.maintain === true || flags?.push === true) return "write";
  if (flags?.pull === true) return "read";
  return "none";
}
