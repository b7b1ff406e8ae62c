import type { ProbotOctokit } from "probot";
import { INSTALLATION_PERMISSIONS } from "../helpers/installation-permissions.js";
import type { FakeRepository } from "./register-repository.js";
import { userId } from "./route-handler.js";
import type { FakeUser } from "./user-state.js";

type Rest = InstanceType<typeof ProbotOctokit>["rest"];
type DataOf<Method extends (...args: never[]) => Promise<{ data: unknown }>> = Awaited<ReturnType<Method>>["data"];
/** The answers' types as Octokit declares them (from GitHub's OpenAPI description): the compiler checks the fake's shapes. */
type AuthenticatedUser = Extract<DataOf<Rest["users"]["getAuthenticated"]>, { two_factor_authentication: boolean }>;
type Installation = DataOf<Rest["apps"]["listInstallationsForAuthenticatedUser"]>["installations"][number];
type SimpleUser = Extract<NonNullable<Installation["account"]>, { login: string }>;

/** Where the fake is: its API root (`…/api/v3`) and its web host. */
export interface FakeUrls {
  readonly apiUrl: string;
  readonly webUrl: string;
}

/** When every user, organisation and installation of the fake was created: a fixed, plausible time. */
const CREATED_AT = "2020-01-01T00:00:00Z";

/** The events app.yml subscribes to, as an installation lists them. */
const EVENTS = [
  "check_run",
  "check_suite",
  "deployment",
  "deployment_protection_rule",
  "deployment_status",
  "issue_comment",
  "merge_group",
  "pull_request",
  "push",
  "status",
];

/** The user or organisation GitHub embeds in answers (`owner`, `account`), with the fake's avatar. */
export function simpleUserJson(login: string, type: "User" | "Organization", urls: FakeUrls): SimpleUser {
  const id = userId(login);
  const api = `${urls.apiUrl}/users/${login}`;
  return {
    login,
    id,
    node_id: `${type === "User" ? "U" : "O"}_${login}`,
    avatar_url: `${urls.webUrl}/avatars/u/${id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.webUrl}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /user` for a user token: GitHub's "private user" (the signed-in user's own profile). */
export function authenticatedUserJson(user: FakeUser, urls: FakeUrls): AuthenticatedUser {
  return {
    ...simpleUserJson(user.login, "User", urls),
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

/** One installation of the app, on the account that owns `repository`, with access to all its repositories. */
export function installationJson(repository: FakeRepository, appId: number, urls: FakeUrls): Installation {
  const account = simpleUserJson(repository.owner, "Organization", urls);
  const id = repository.installationId;
  return {
    id,
    account,
    repository_selection: "all",
    access_tokens_url: `${urls.apiUrl}/app/installations/${id}/access_tokens`,
    repositories_url: `${urls.apiUrl}/installation/repositories`,
    html_url: `${urls.webUrl}/organizations/${repository.owner}/settings/installations/${id}`,
    app_id: appId,
    app_slug: "deliverybot",
    target_id: account.id,
    target_type: "Organization",
    permissions: INSTALLATION_PERMISSIONS,
    events: EVENTS,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
