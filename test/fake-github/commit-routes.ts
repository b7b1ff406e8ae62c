import { createHash } from "node:crypto";
import type { ProbotOctokit } from "probot";
import { matchesEtag } from "./content-routes.js";
import type { FakeState } from "./fake-github-state.js";
import type { FakeCommit } from "./fake-github-types.js";
import { githubTime, notFound, type RouteHandler } from "./route-handler.js";
import { simpleUserJson } from "./user-json.js";

type Rest = InstanceType<typeof ProbotOctokit>["rest"];
/** The answer's type as Octokit declares it (from GitHub's OpenAPI description): the compiler checks the fake's shape. */
type Commit = Awaited<ReturnType<Rest["repos"]["getCommit"]>>["data"];
type ListedCommit = Awaited<ReturnType<Rest["repos"]["listCommits"]>>["data"][number];

/** A full commit SHA, in either case. */
export const FULL_SHA = /^[0-9a-f]{40}$/i;
/** The prefixes GitHub's description names for a ref (`heads/BRANCH_NAME`, `tags/TAG_NAME`). */
const REF_PREFIX = /^(?:refs\/)?(?:heads|tags)\//;
/** When every commit of the fake was made: a fixed, plausible time. */
const COMMITTED_AT = Date.parse("2020-01-01T00:00:00Z");

/**
 * The commit `GET /repos/{owner}/{repo}/commits/{ref}` answers for `ref`, or `undefined` (GitHub's
 * 422): a full SHA names itself (lower-cased), a branch or tag (also as `heads/…` or `tags/…`) the
 * commit `setRef` pointed it at; the default branch, until set, a SHA derived from the repository's
 * name. Abbreviated SHAs are not resolved.
 */
export function findCommit(state: FakeState, repository: string, ref: string): string | undefined {
  const known = state.repositories.get(repository);
  if (known === undefined) return undefined;
  if (FULL_SHA.test(ref)) return ref.toLowerCase();
  const name = refName(ref);
  const set = state.refs.get(`${repository}:${name}`);
  if (set !== undefined) return set;
  return name === known.defaultBranch ? defaultHead(repository, name) : undefined;
}

/** A branch or tag name without the `heads/`, `tags/` (or `refs/heads/`…) GitHub also accepts. */
export function refName(ref: string): string {
  return ref.replace(REF_PREFIX, "");
}

/** `GET /repos/{owner}/{repo}/commits/{ref}`: the commit, 422 `No commit found for SHA: <ref>` as GitHub words it, 404 for a repository the fake does not know. */
export const getCommit: RouteHandler = (request, state) => {
  if (!state.repositories.has(request.repo)) return notFound();
  const ref = request.params["ref"] ?? "";
  const sha = findCommit(state, request.repo, ref);
  if (sha === undefined) {
    return {
      status: 422,
      body: {
        message: `No commit found for SHA: ${ref}`,
        documentation_url: "https://docs.github.com/rest/commits/commits#get-a-commit",
        status: "422",
      },
    };
  }
  return { status: 200, body: commitJson(request.repo, { sha, message: "A commit of the fake GitHub" }, request) };
};

/**
 * `GET /repos/{owner}/{repo}/commits`: the default branch's history (`setCommits`), newest first,
 * `per_page` at a time (first page only). Only the default branch is listed: the fake refuses a `sha`
 * or a filter it does not model as unexpected. With an ETag; a matching `If-None-Match` answers 304.
 */
export const listCommits: RouteHandler = (request, state) => {
  const known = state.repositories.get(request.repo);
  if (known === undefined) return notFound();
  const { per_page: perPage = "30", ...filters } = request.query;
  if (Object.keys(filters).length > 0) return { ...notFound(), refused: true };
  const head = findCommit(state, request.repo, known.defaultBranch) ?? "";
  const history = state.histories.get(request.repo) ?? [];
  const commits = history[0]?.sha === head ? history : [{ sha: head, message: "A commit of the fake GitHub" }, ...history];
  const body: ListedCommit[] = commits
    .slice(0, Math.min(100, Number(perPage)))
    .map((commit) => commitJson(request.repo, commit, request));
  const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("hex")}"`;
  if (matchesEtag(request.headers["if-none-match"], etag)) return { status: 304, headers: { etag } };
  return { status: 200, body, headers: { etag } };
};

/** A commit as GitHub answers it, with the fields its description requires and no diff. */
function commitJson(repository: string, commit: FakeCommit, urls: { readonly apiUrl: string; readonly webUrl: string }): Commit {
  const { sha } = commit;
  const api = `${urls.apiUrl}/repos/${repository}`;
  const tree = createHash("sha1").update(`tree:${sha}`).digest("hex");
  const person = {
    name: commit.login ?? "Fake Committer",
    email: "committer@example.com",
    date: commit.date ?? githubTime(COMMITTED_AT),
  };
  const user = commit.login === undefined ? null : simpleUserJson(commit.login, "User", urls);
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: `C_${sha}`,
    html_url: `${urls.webUrl}/${repository}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
    },
    author: user,
    committer: user,
    parents: [],
  };
}

/** The default branch's head until a test moves it: the same SHA in every run. */
function defaultHead(repository: string, branch: string): string {
  return createHash("sha1").update(`fake-github:${repository.toLowerCase()}:${branch}`).digest("hex");
}
