/** The operations the fake answers under `/api/v3`, as `METHOD /path-template` (GitHub's OpenAPI templates). */
export const FAKE_ROUTES = {
  // With the app's JWT: the token exchange, and a repository's installation (how the admin API finds
  // a repository by name, before asking for the repository itself with that installation's token).
  createInstallationToken: "POST /app/installations/{installation_id}/access_tokens",
  getRepoInstallation: "GET /repos/{owner}/{repo}/installation",
  // With an installation token: this route and those below, up to the `/user…` ones.
  getRepository: "GET /repos/{owner}/{repo}",
  getContent: "GET /repos/{owner}/{repo}/contents/{path}",
  createDeployment: "POST /repos/{owner}/{repo}/deployments",
  listDeployments: "GET /repos/{owner}/{repo}/deployments",
  createDeploymentStatus: "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
  createCheckRun: "POST /repos/{owner}/{repo}/check-runs",
  createCommentReaction: "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
  createComment: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  updateComment: "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  getPermission: "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
  getPullRequest: "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  getCommit: "GET /repos/{owner}/{repo}/commits/{ref}",
  listCommits: "GET /repos/{owner}/{repo}/commits",
  reviewProtectionRule: "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
  // With a user access token (`ghu_…`) from the OAuth web flow, not an installation token.
  getAuthenticatedUser: "GET /user",
  listInstallationsForUser: "GET /user/installations",
  listInstallationReposForUser: "GET /user/installations/{installation_id}/repositories",
} as const;

/**
 * What the fake serves outside `/api/v3`, on GitHub's web host: the OAuth web flow a GitHub App signs
 * users in with, and the avatars `avatar_url` points to. No credentials, no OpenAPI description, and
 * GitHub does not count them against a rate limit.
 */
export const FAKE_WEB_ROUTES = {
  authorizeUser: "GET /login/oauth/authorize",
  exchangeCode: "POST /login/oauth/access_token",
  getAvatar: "GET /avatars/u/{user_id}",
} as const;

/** One of {@link FAKE_ROUTES}' or {@link FAKE_WEB_ROUTES}' values, e.g. `POST /repos/{owner}/{repo}/deployments`. */
export type FakeRoute = (typeof FAKE_ROUTES)[keyof typeof FAKE_ROUTES] | (typeof FAKE_WEB_ROUTES)[keyof typeof FAKE_WEB_ROUTES];

/** A commit of a default branch's history ({@link FakeGitHub.setCommits}). */
export interface FakeCommit {
  /** A full 40-hex SHA. */
  readonly sha: string;
  readonly message: string;
  /** The author's GitHub login; without one, the commit's author matched no account (`author: null`). */
  readonly login?: string;
  /** When it was authored (ISO 8601); a fixed time otherwise. */
  readonly date?: string;
}

/** One HTTP request the fake answered, in arrival order. */
export interface FakeRequest {
  /** Upper-case, e.g. `POST`. */
  readonly method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/deployments`; for a request no route knows, its raw path. */
  readonly route: string;
  /** Path and query as sent, below `/api/v3` (web routes: from the root) and still URL-encoded. */
  readonly path: string;
  /** `owner/name` when the route names a repository. */
  readonly repo: string | undefined;
  /** The status answered (304 for a matching `If-None-Match`). */
  readonly status: number;
  /** When the request arrived: epoch milliseconds with sub-millisecond precision (`performance.timeOrigin + performance.now()`). */
  readonly at: number;
  /** Whether GitHub would count it against a rate limit: API requests but the token exchange and 304 answers. */
  readonly rateLimited: boolean;
  /** The parsed JSON body; `undefined` when empty. */
  readonly body: unknown;
}

/** A request the fake has received and not answered yet (its answer is delayed by {@link FakeGitHub.setLatency}). */
export interface InFlightRequest {
  readonly method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/deployments`. */
  readonly route: string;
  /** `owner/name` when the route names a repository. */
  readonly repo: string | undefined;
  /** When it arrived, as {@link FakeRequest.at}. */
  readonly at: number;
  /** The client's TCP port: tells which process sent it when several share the fake. */
  readonly clientPort: number;
}

/** Selects requests for {@link FakeGitHub.countRequests}; every given field must match. */
export interface RequestFilter {
  readonly method?: string;
  /** A path template such as `/repos/{owner}/{repo}/deployments`. */
  readonly route?: string;
  /** `owner/name`. */
  readonly repo?: string;
  readonly status?: number;
  readonly rateLimited?: boolean;
  /** Only requests that arrived at or after this time (epoch ms, as {@link FakeRequest.at}). */
  readonly since?: number;
}

/** A deployment created through `POST /repos/{owner}/{repo}/deployments`. */
export interface FakeDeployment {
  readonly id: number;
  /** `owner/name`. */
  readonly repo: string;
  /** The `ref` sent (Deliverybot sends the commit SHA). */
  readonly sha: string;
  readonly ref: string;
  readonly environment: string;
  readonly task: string;
  readonly payload: unknown;
  readonly description: string | null;
  /** As sent; accepted, never enforced. */
  readonly requiredContexts: readonly string[] | undefined;
  readonly createdAt: string;
  /** When the request arrived, as {@link FakeRequest.at}. */
  readonly at: number;
}

/** A deployment status created through the fake. */
export interface FakeDeploymentStatus {
  readonly id: number;
  readonly deploymentId: number;
  readonly repo: string;
  readonly state: string;
  readonly description: string | null;
}

/** A check run created through the fake. */
export interface FakeCheckRun {
  readonly id: number;
  readonly repo: string;
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: string | null;
}

/** An answer (or, without a state, a comment) the app gave a workflow run's protection rule request. */
export interface FakeProtectionReview {
  readonly repo: string;
  readonly runId: number;
  readonly environment: string;
  readonly state: "approved" | "rejected" | null;
  readonly comment: string | null;
}

/** An issue or pull request comment posted through the fake, with its latest body. */
export interface FakeComment {
  readonly id: number;
  readonly repo: string;
  readonly issue: number;
  body: string;
  /** How often it was edited with `PATCH`. */
  edits: number;
}

/** A pull request the fake answers `GET /repos/{owner}/{repo}/pulls/{n}` with; see {@link FakeGitHub.setPullRequest}. */
export interface FakePullRequest {
  readonly headSha: string;
  /** The head branch name, without `refs/heads/` (default `feature`). */
  readonly headRef?: string;
  /** Default `open`. */
  readonly state?: "open" | "closed";
  readonly draft?: boolean;
  /** The head lives in another repository (default false). */
  readonly fromFork?: boolean;
  /** Who opened it (default: the head repository's owner). */
  readonly author?: string;
}

/** A repository permission as `GET …/collaborators/{username}/permission` answers it. */
export type FakePermission = "admin" | "write" | "read" | "none";

/** A user's role on a repository, as the repository's settings grant it (`none`: no access). */
export type FakeRole = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** The GitHub App's credentials for the OAuth web flow (its settings page's "Client ID" and a client secret). */
export interface FakeOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The `app_id` of the installations `GET /user/installations` and `GET /repos/{owner}/{repo}/installation` answer (default 1). */
  readonly appId?: number;
}

/** How the fake describes a repository the app is installed on; every field has a default. */
export interface FakeRepositoryOptions {
  /** Default: a stable number derived from `owner/name`. Give the id your webhook payloads use. */
  readonly id?: number;
  /**
   * Default: the installation of another repository of the same owner, else the lowest id no other
   * owner has (1 for the first owner the fake hears of: `repositories`, then `configs`, then later calls).
   */
  readonly installationId?: number;
  /** Default false. */
  readonly private?: boolean;
  /** Default `main`. */
  readonly defaultBranch?: string;
}

/** What an injected fault answers instead of the route. */
export interface FakeFailure {
  readonly status: number;
  /** Sent as JSON; default `{ message: "Injected <status>" }`. */
  readonly body?: unknown;
  /** E.g. `{ "retry-after": "60" }` for a secondary rate limit. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of `startFakeGitHub`. */
export interface FakeGitHubOptions {
  /** `.github/deploy.yml` texts to serve from the start, by `owner/name`. */
  readonly configs?: Readonly<Record<string, string>>;
  /** The permission of users not set with `setPermission` (default `write`). */
  readonly defaultPermission?: FakePermission;
  /** Port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** The app's OAuth credentials: without them every sign-in is refused as from an unknown app. */
  readonly oauth?: FakeOAuthClient;
  /** Repositories the app is installed on, by `owner/name`; see {@link FakeRepositoryOptions}. */
  readonly repositories?: Readonly<Record<string, FakeRepositoryOptions>>;
}

/** The running fake: see `startFakeGitHub`. */
export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `127.0.0.1:<port>`: the app's `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  readonly host: string;
  /** `http://127.0.0.1:<port>/api/v3`: Probot's and Octokit's `baseUrl`. */
  readonly apiUrl: string;
  /** Created deployments, oldest first. */
  readonly deployments: readonly FakeDeployment[];
  readonly deploymentStatuses: readonly FakeDeploymentStatus[];
  readonly checkRuns: readonly FakeCheckRun[];
  readonly comments: readonly FakeComment[];
  /** Answers to deployment protection rule requests, in order. */
  readonly protectionReviews: readonly FakeProtectionReview[];
  /** Every request, in the order answered (arrival order, unless `setLatency` delayed some). */
  readonly requests: readonly FakeRequest[];
  /**
   * Requests no route knows (answered 404), requests without valid credentials (401, or 403 for an
   * installation token on a `/user…` route), and OAuth requests a clean run never makes: an unknown
   * `client_id` or missing `redirect_uri` on the authorize page, nobody signed in (`signInAs`), a wrong
   * client secret or another `redirect_uri` than the code's in the token exchange.
   */
  readonly unexpected: readonly FakeRequest[];
  /** Requests GitHub's OpenAPI description rejects, one message per problem. */
  readonly validationErrors: readonly string[];
  /** Every unexpected request and validation error as one line each: a clean run has none. */
  problems(): string[];
  /** How many requests match the filter (all when none is given). */
  countRequests(filter?: RequestFilter): number;
  /** Serves `.github/deploy.yml` for the repository at any ref; `null` removes it (404). */
  setConfig(owner: string, repo: string, yaml: string | null): void;
  setPullRequest(owner: string, repo: string, number: number, pullRequest: FakePullRequest): void;
  setPermission(owner: string, repo: string, login: string, permission: FakePermission): void;
  /**
   * Points a branch or tag of `repository` (`owner/name`; joins the fake like {@link grantUser}) at a
   * full 40-hex SHA: `GET …/commits/{ref}` then answers that commit for `ref`, `heads/ref` and `tags/ref`.
   */
  setRef(repository: string, ref: string, sha: string): void;
  /**
   * The commit `GET /repos/{owner}/{repo}/commits/{ref}` answers for `ref`, or `undefined` where it
   * answers 422 (`No commit found for SHA: <ref>`) or 404 (a repository the fake does not know). A full
   * SHA names itself; the default branch of every repository starts at a SHA derived from its name
   * (the same in every run), until `setRef` moves it; other branches and tags exist once set.
   */
  resolveRef(repository: string, ref: string): string | undefined;
  /**
   * The default branch's history, newest first, as `GET /repos/{owner}/{repo}/commits` lists it (with
   * an ETag; a matching `If-None-Match` answers 304); moves the default branch to the first commit.
   * Until set, the history is the default branch's head alone.
   */
  setCommits(repository: string, commits: readonly FakeCommit[]): void;
  /**
   * Who is signed in to GitHub in the browser: `GET /login/oauth/authorize` sends them straight back
   * to the app with a one-time code (as for a user who authorized the app before). `null` signs out:
   * the authorize page then answers 403 saying so. A user's profile (`GET /user`) has `name` null
   * unless given here.
   */
  signInAs(login: string | null, profile?: { readonly name?: string | null }): void;
  /** The next sign-in is cancelled by the user: back to the app with `error=access_denied`. */
  denyNextSignIn(): void;
  /**
   * Gives `login` a role on the repository (`none` takes it away), which decides what the user's token
   * lists (`GET /user/installations`, `…/{installation_id}/repositories` with their `permissions`) and
   * what the collaborator permission route answers for them (`maintain` as `write`, `triage` as `read`).
   * A repository the fake did not know yet joins it with the defaults of {@link FakeRepositoryOptions}.
   */
  grantUser(login: string, repository: string, role: FakeRole): void;
  /** Every one-time code and user access token handed out so far expires, as hours later; refresh tokens stay valid. */
  expireUserTokens(): void;
  /** The next `n` requests to `route` (any repository) are answered with `response` instead. */
  failNext(route: FakeRoute, n: number, response: FakeFailure): void;
  /**
   * Every later request to `route` is answered `ms` after it arrived; 0 answers at once again. What the
   * request does (e.g. creating a deployment) happens on arrival: a client that dies while it waits has
   * changed GitHub without hearing about it. Such requests join `requests` when answered (or abandoned).
   */
  setLatency(route: FakeRoute, ms: number): void;
  /** Requests received and not answered yet (see `setLatency`), oldest first. */
  inFlight(): readonly InFlightRequest[];
  /** Resolves with the first deployment (already created or to come) that matches; rejects after `timeoutMs`. */
  waitForDeployment(match: (deployment: FakeDeployment) => boolean, timeoutMs?: number): Promise<FakeDeployment>;
  /** Closes the server and every connection; pending waits reject. */
  stop(): Promise<void>;
}
