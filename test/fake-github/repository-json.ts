import type { ProbotOctokit } from "probot";
import type { FakeRole } from "./fake-github-types.js";
import type { FakeRepository } from "./register-repository.js";
import { simpleUserJson, type FakeUrls } from "./user-json.js";

type Rest = InstanceType<typeof ProbotOctokit>["rest"];
type DataOf<Method extends (...args: never[]) => Promise<{ data: unknown }>> = Awaited<ReturnType<Method>>["data"];
/** The answers' types as Octokit declares them (from GitHub's OpenAPI description): the compiler checks the fake's shapes. */
type Repository = DataOf<Rest["apps"]["listInstallationReposForAuthenticatedUser"]>["repositories"][number];
type FullRepository = DataOf<Rest["repos"]["get"]>;

const CREATED_AT = "2020-01-01T00:00:00Z";

/** What each role may do, as the `permissions` of a repository listed for a user. */
const PERMISSIONS: Readonly<Record<Exclude<FakeRole, "none">, NonNullable<Repository["permissions"]>>> = {
  admin: { admin: true, maintain: true, push: true, triage: true, pull: true },
  maintain: { admin: false, maintain: true, push: true, triage: true, pull: true },
  write: { admin: false, maintain: false, push: true, triage: true, pull: true },
  triage: { admin: false, maintain: false, push: false, triage: true, pull: true },
  read: { admin: false, maintain: false, push: false, triage: false, pull: true },
};

/**
 * What an installation token may do with a repository, as `GET /repos/{owner}/{repo}` answers it:
 * read it, as the app's `contents: read` allows (the fake's guess: the app reads no `permissions` there).
 */
const INSTALLATION_VIEW: NonNullable<FullRepository["permissions"]> = {
  admin: false,
  maintain: false,
  push: false,
  triage: false,
  pull: true,
};

/** A repository as `GET /user/installations/{installation_id}/repositories` lists it for a user with `role`. */
export function repositoryJson(repository: FakeRepository, role: Exclude<FakeRole, "none">, urls: FakeUrls): Repository {
  return { ...repositoryFields(repository, urls), permissions: PERMISSIONS[role] };
}

/** A repository as `GET /repos/{owner}/{repo}` answers it to the app's installation token. */
export function fullRepositoryJson(repository: FakeRepository, urls: FakeUrls): FullRepository {
  return {
    ...repositoryFields(repository, urls),
    organization: simpleUserJson(repository.owner, "Organization", urls),
    has_discussions: false,
    subscribers_count: 0,
    network_count: 0,
    permissions: INSTALLATION_VIEW,
  };
}

/** The fields both answers share. */
function repositoryFields(repository: FakeRepository, urls: FakeUrls) {
  const { fullName } = repository;
  const api = `${urls.apiUrl}/repos/${fullName}`;
  const host = new URL(urls.webUrl).host;
  return {
    id: repository.id,
    node_id: `R_${repository.id}`,
    name: repository.name,
    full_name: fullName,
    owner: simpleUserJson(repository.owner, "Organization", urls),
    private: repository.private,
    visibility: repository.private ? "private" : "public",
    html_url: `${urls.webUrl}/${fullName}`,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${urls.webUrl}/${fullName}.git`,
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    svn_url: `${urls.webUrl}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    license: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repository.defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    pushed_at: CREATED_AT,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
  };
}
