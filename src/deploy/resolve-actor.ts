import type { Target } from "../config/model.js";
import type { ActorFacts } from "../engine/command-facts.js";
import type { GitHubPort } from "../github/github-port.js";

/** Who the author is for a target: repository permission, and membership of its `deployers` and `admins`. */
export async function resolveActor(github: GitHubPort, login: string, target: Target | undefined): Promise<ActorFacts> {
  const [permission, listedAsDeployer, listedAsAdmin] = await Promise.all([
    github.getPermission(login),
    isListed(github, login, target?.deployers),
    isListed(github, login, target?.admins),
  ]);
  return { login, permission, listedAsDeployer, listedAsAdmin };
}

/** Logins match case-insensitively; `org/team` entries are asked of GitHub, only when no login matched. */
export async function isListed(
  github: GitHubPort,
  login: string,
  list: readonly string[] | undefined,
): Promise<boolean | undefined> {
  if (list === undefined) return undefined;
  const lower = login.toLowerCase();
  if (list.some((entry) => !entry.includes("/") && entry.toLowerCase() === lower)) return true;
  for (const team of list.filter((entry) => entry.includes("/"))) {
    if (await github.isTeamMember(team, login)) return true;
  }
  return false;
}
