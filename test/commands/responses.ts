/** GitHub's answers to the requests comment commands make, shaped as GitHub sends them (the fields read, plus required ones). */

const CREATED_AT = "2026-11-23T09:00:00Z";
const BASE_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

function user(login: string, id = 583231) {
  return {
    login,
    id,
    node_id: "MDQ6VXNlcjU4MzIzMQ==",
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: login.endsWith("[bot]") ? "Bot" : "User",
    site_admin: false,
  };
}

function repository(id: number, owner: string, name: string) {
  return {
    id,
    node_id: "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
    name,
    full_name: `${owner}/${name}`,
    owner: user(owner, 9919),
    private: false,
    html_url: `https://github.com/${owner}/${name}`,
    url: `https://api.github.com/repos/${owner}/${name}`,
    default_branch: "main",
  };
}

/** What a pull request looks like to the command. */
export interface PullRequestOptions {
  readonly repo: { readonly id: number; readonly owner: string; readonly name: string };
  readonly number: number;
  readonly headSha: string;
  /** Branch name without `refs/heads/`. */
  readonly headRef: string;
  /** The head repository; another id than `repo.id` makes it a fork. */
  readonly headRepoId?: number;
  readonly draft?: boolean;
}

/** A `GET /repos/{owner}/{repo}/pulls/{pull_number}` 200 answer. */
export function pullRequest(options: PullRequestOptions) {
  const { repo, number, headSha, headRef } = options;
  const headRepoId = options.headRepoId ?? repo.id;
  const headOwner = headRepoId === repo.id ? repo.owner : "forker";
  const url = `https://api.github.com/repos/${repo.owner}/${repo.name}/pulls/${number}`;
  return {
    url,
    id: 1_000_000 + number,
    node_id: "MDExOlB1bGxSZXF1ZXN0MQ==",
    html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${number}`,
    number,
    state: "open",
    locked: false,
    title: "Add the login page",
    user: user("octocat"),
    body: null,
    draft: options.draft ?? false,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    head: {
      label: `${headOwner}:${headRef}`,
      ref: headRef,
      sha: headSha,
      user: user(headOwner),
      repo: repository(headRepoId, headOwner, repo.name),
    },
    base: {
      label: `${repo.owner}:main`,
      ref: "main",
      sha: BASE_SHA,
      user: user(repo.owner, 9919),
      repo: repository(repo.id, repo.owner, repo.name),
    },
    merged: false,
    mergeable: true,
    author_association: "MEMBER",
  };
}

/** A `GET /repos/{owner}/{repo}/collaborators/{username}/permission` 200 answer. */
export function collaboratorPermission(login: string, permission: "admin" | "write" | "read" | "none") {
  const roles = { admin: "admin", write: "write", read: "read", none: "none" } as const;
  return { permission, role_name: roles[permission], user: { ...user(login), permissions: {} } };
}

/** A `GET /orgs/{org}/teams/{team_slug}/memberships/{username}` 200 answer. */
export function teamMembership(org: string, team: string, login: string, state: "active" | "pending") {
  return { url: `https://api.github.com/orgs/${org}/teams/${team}/memberships/${login}`, role: "member", state };
}

/** A `POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions` answer (201 new, 200 already there). */
export function reaction(id: number, login = "deliverybot[bot]") {
  return { id, node_id: "MDg6UmVhY3Rpb24x", user: user(login, 4_700_000), content: "eyes", created_at: CREATED_AT };
}

/** A `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` 201 (or `PATCH …/issues/comments/{id}` 200) answer. */
export function issueComment(repo: { readonly owner: string; readonly name: string }, id: number, issue: number) {
  const api = `https://api.github.com/repos/${repo.owner}/${repo.name}`;
  return {
    id,
    node_id: "MDEyOklzc3VlQ29tbWVudDE=",
    url: `${api}/issues/comments/${id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${issue}#issuecomment-${id}`,
    issue_url: `${api}/issues/${issue}`,
    body: "<!-- deliverybot:reply -->",
    user: user("deliverybot[bot]", 4_700_000),
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    author_association: "NONE",
  };
}

/** A `GET /repos/{owner}/{repo}/commits/{ref}` 200 answer. */
export function commit(repo: { readonly owner: string; readonly name: string }, sha: string) {
  const api = `https://api.github.com/repos/${repo.owner}/${repo.name}`;
  const person = { name: "Monalisa Octocat", email: "mona@github.com", date: CREATED_AT };
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: "MDY6Q29tbWl0NmRjYjA5YjViNTc4NzVmMzM0ZjYxYWViZWQ2OTVlMmU0MTkzZGI1ZQ==",
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: "Fix all the bugs",
      tree: { url: `${api}/tree/${BASE_SHA}`, sha: BASE_SHA },
      comment_count: 0,
    },
    author: user("octocat"),
    committer: user("octocat"),
    parents: [{ url: `${api}/commits/${BASE_SHA}`, sha: BASE_SHA }],
    files: [],
  };
}
