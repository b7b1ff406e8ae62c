import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { exchangeWebFlowCode, getWebFlowAuthorizationUrl } from "@octokit/oauth-methods";
import { request } from "@octokit/request";
import { Probot, ProbotOctokit } from "probot";
import { createFindRepository } from "../../src/create-repo-contexts.js";
import { createConditionalCache } from "../../src/github/conditional-cache.js";
import { listRecentCommits } from "../../src/github/list-recent-commits.js";
import { resolveCommit } from "../../src/github/resolve-commit.js";
import { TEST_PRIVATE_KEY } from "../helpers/probot-app.js";
import { FAKE_ROUTES, FAKE_WEB_ROUTES, startFakeGitHub, type FakeGitHub } from "./fake-github-server.js";

const CONFIG = "version: 2\ntargets:\n  production:\n    auto_deploy_on: refs/heads/main\n";
const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const OTHER_SHA = "0123456789abcdef0123456789abcdef01234567";
const REPO = { owner: "acme", repo: "shop" };

type Octokit = InstanceType<typeof ProbotOctokit>;

/** What an Octokit call that GitHub refused threw. */
async function statusOf(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return (error as { status?: number }).status;
  }
}

describe("the fake GitHub server", () => {
  let github: FakeGitHub;
  let probot: Probot;
  let octokit: Octokit;

  beforeEach(async () => {
    github = await startFakeGitHub({
      configs: { "acme/shop": CONFIG },
      repositories: { "globex/api": { id: 9101, installationId: 12, private: true, defaultBranch: "trunk" } },
    });
    // The app's own client: Probot's Octokit, authenticated as installation 7 through the token exchange.
    probot = new Probot({
      appId: 1,
      privateKey: TEST_PRIVATE_KEY,
      baseUrl: github.apiUrl,
      logLevel: "fatal",
      Octokit: ProbotOctokit.defaults((options: object) => ({
        ...options,
        retry: { enabled: false },
        throttle: { enabled: false },
      })),
    });
    octokit = await probot.auth(7);
  });
  afterEach(() => github.stop());

  it("exchanges the app's JWT for an hour-long installation token, which costs no rate limit", async () => {
    const before = Date.now();
    const response = await fetch(`${github.apiUrl}/app/installations/7/access_tokens`, {
      method: "POST",
      headers: { authorization: "Bearer header.claims.signature" },
    });
    const body = (await response.json()) as { token: string; expires_at: string };

    expect(response.status).toBe(201);
    expect(body.token).toMatch(/^ghs_/);
    expect(Date.parse(body.expires_at) - before).toBeGreaterThan(3_595_000);
    expect(Date.parse(body.expires_at) - before).toBeLessThan(3_605_000);
    expect(github.countRequests({ route: "/app/installations/{installation_id}/access_tokens", rateLimited: false })).toBe(1);
    expect(github.problems()).toEqual([]);
  });

  it("serves .github/deploy.yml to Probot's config loader, and 404 for a repository without one", async () => {
    const shop = await octokit.config.get({ ...REPO, path: ".github/deploy.yml" });
    const docs = await octokit.config.get({ owner: "acme", repo: "docs", path: ".github/deploy.yml" });

    expect(shop.config).toEqual({ version: 2, targets: { production: { auto_deploy_on: "refs/heads/main" } } });
    expect(docs.files.map((file) => file.config)).toEqual([null, null]);
    expect(github.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /app/installations/7/access_tokens 201",
      "GET /repos/acme/shop/contents/.github%2Fdeploy.yml 200",
      "GET /repos/acme/docs/contents/.github%2Fdeploy.yml 404",
      "GET /repos/acme/.github/contents/.github%2Fdeploy.yml 404",
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("answers a matching If-None-Match with 304, which is not rate-limited, and a changed file with 200", async () => {
    const route = "GET /repos/{owner}/{repo}/contents/{path}" as const;
    const first = await octokit.request(route, { ...REPO, path: ".github/deploy.yml", mediaType: { format: "raw" } });
    const etag = first.headers.etag ?? "";
    const again = statusOf(
      octokit.request(route, {
        ...REPO,
        path: ".github/deploy.yml",
        mediaType: { format: "raw" },
        headers: { "if-none-match": etag },
      }),
    );

    expect(first.data).toBe(CONFIG);
    expect(await again).toBe(304);
    github.setConfig("acme", "shop", `${CONFIG}# changed\n`);
    const changed = await octokit.request(route, {
      ...REPO,
      path: ".github/deploy.yml",
      mediaType: { format: "raw" },
      headers: { "if-none-match": etag },
    });
    expect(changed.status).toBe(200);
    expect(github.countRequests({ route: "/repos/{owner}/{repo}/contents/{path}", rateLimited: true })).toBe(2);
    expect(github.countRequests({ status: 304 })).toBe(1);
  });

  it("answers the contents API's JSON form with the file in base64", async () => {
    const { data } = await octokit.rest.repos.getContent({ ...REPO, path: ".github/deploy.yml" });

    expect("content" in data && Buffer.from(data.content, "base64").toString("utf8")).toBe(CONFIG);
  });

  it("creates deployments with growing ids, sha = the ref sent, and lists them newest first", async () => {
    const create = (sha: string, environment: string) =>
      octokit.rest.repos.createDeployment({
        ...REPO,
        ref: sha,
        environment,
        auto_merge: false,
        required_contexts: ["ci/test"],
        payload: { target: environment },
      });
    const created = [await create(SHA, "production"), await create(OTHER_SHA, "production"), await create(SHA, "staging")];
    const listed = await octokit.rest.repos.listDeployments({ ...REPO, sha: SHA, environment: "production" });
    const all = await octokit.rest.repos.listDeployments({ ...REPO });

    expect(created.map((r) => [r.status, "id" in r.data ? r.data.id : null, "sha" in r.data ? r.data.sha : null])).toEqual([
      [201, 1, SHA],
      [201, 2, OTHER_SHA],
      [201, 3, SHA],
    ]);
    expect(listed.data.map((d) => d.id)).toEqual([1]);
    expect(all.data.map((d) => d.id)).toEqual([3, 2, 1]);
    expect(github.deployments[0]).toMatchObject({
      id: 1,
      repo: "acme/shop",
      sha: SHA,
      environment: "production",
      payload: { target: "production" },
      requiredContexts: ["ci/test"],
    });
    expect(github.problems()).toEqual([]);
  });

  it("resolves waitForDeployment for a deployment already made and for one still to come", async () => {
    await octokit.rest.repos.createDeployment({ ...REPO, ref: SHA, auto_merge: false });
    const later = github.waitForDeployment((d) => d.sha === OTHER_SHA);

    await octokit.rest.repos.createDeployment({ ...REPO, ref: OTHER_SHA, auto_merge: false });

    expect((await github.waitForDeployment((d) => d.sha === SHA)).id).toBe(1);
    expect((await later).id).toBe(2);
    await expect(github.waitForDeployment(() => false, 10)).rejects.toThrow("no matching deployment");
  });

  it("answers deployment statuses, check runs, reactions, comments, permissions and pull requests", async () => {
    const { data: deployment } = await octokit.rest.repos.createDeployment({ ...REPO, ref: SHA, auto_merge: false });
    const deploymentId = "id" in deployment ? deployment.id : 0;
    github.setPermission("acme", "shop", "Mona", "admin");
    github.setPullRequest("acme", "shop", 5, { headSha: SHA, headRef: "feature-x", draft: true });

    const status = await octokit.rest.repos.createDeploymentStatus({ ...REPO, deployment_id: deploymentId, state: "inactive" });
    const unknownStatus = statusOf(octokit.rest.repos.createDeploymentStatus({ ...REPO, deployment_id: 999, state: "inactive" }));
    await octokit.rest.checks.create({
      ...REPO,
      name: "Deliverybot config",
      head_sha: SHA,
      status: "completed",
      conclusion: "success",
    });
    const reaction = await octokit.rest.reactions.createForIssueComment({ ...REPO, comment_id: 77, content: "eyes" });
    const comment = await octokit.rest.issues.createComment({ ...REPO, issue_number: 5, body: "Deployed" });
    await octokit.rest.issues.updateComment({ ...REPO, comment_id: comment.data.id, body: "Deployed again" });
    const admin = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username: "mona" });
    const writer = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username: "hubot" });
    const pr = await octokit.rest.pulls.get({ ...REPO, pull_number: 5 });
    const unknownPr = statusOf(octokit.rest.pulls.get({ ...REPO, pull_number: 6 }));
    const held = await octokit.rest.actions.reviewCustomGatesForRun({
      ...REPO,
      run_id: 31,
      environment_name: "production",
      comment: "Locked",
    });
    await octokit.rest.actions.reviewCustomGatesForRun({
      ...REPO,
      run_id: 31,
      environment_name: "production",
      state: "approved",
      comment: "Go",
    });

    expect(status.status).toBe(201);
    expect(await unknownStatus).toBe(404);
    expect(reaction.status).toBe(201);
    expect(github.deploymentStatuses).toEqual([{ id: 1, deploymentId, repo: "acme/shop", state: "inactive", description: null }]);
    expect(github.checkRuns).toEqual([
      { id: 1, repo: "acme/shop", name: "Deliverybot config", headSha: SHA, conclusion: "success" },
    ]);
    expect(github.comments).toEqual([{ id: comment.data.id, repo: "acme/shop", issue: 5, body: "Deployed again", edits: 1 }]);
    expect([admin.data.permission, writer.data.permission]).toEqual(["admin", "write"]);
    expect(pr.data).toMatchObject({ number: 5, state: "open", draft: true, head: { ref: "feature-x", sha: SHA } });
    expect(pr.data.head.repo?.id).toBe(pr.data.base.repo.id);
    expect(await unknownPr).toBe(404);
    expect(held.status).toBe(204);
    expect(github.protectionReviews).toEqual([
      { repo: "acme/shop", runId: 31, environment: "production", state: null, comment: "Locked" },
      { repo: "acme/shop", runId: 31, environment: "production", state: "approved", comment: "Go" },
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("resolves commits for the app's resolveCommit: a full SHA names itself, main a stable SHA until moved, set branches and tags", async () => {
    const shop = { id: 1, owner: "acme", name: "shop" };
    const main = github.resolveRef("acme/shop", "main");
    github.setRef("acme/shop", "v1.2.0", OTHER_SHA);
    github.setRef("acme/shop", "release/2026", SHA.toUpperCase());

    const resolved = {
      sha: await resolveCommit(octokit, shop, SHA.toUpperCase()),
      main: await resolveCommit(octokit, shop, "main"),
      headsMain: await resolveCommit(octokit, shop, "heads/main"),
      tag: await resolveCommit(octokit, shop, "tags/v1.2.0"),
      slashed: await resolveCommit(octokit, shop, "release/2026"),
      unknown: await resolveCommit(octokit, shop, "no-such-branch"),
      short: await resolveCommit(octokit, shop, SHA.slice(0, 7)),
    };
    github.setRef("acme/shop", "main", SHA);

    expect(main).toMatch(/^[0-9a-f]{40}$/);
    expect(resolved).toEqual({
      sha: SHA,
      main,
      headsMain: main,
      tag: OTHER_SHA,
      slashed: SHA,
      unknown: undefined,
      short: undefined,
    });
    expect(await resolveCommit(octokit, shop, "main")).toBe(SHA);
    expect(github.resolveRef("acme/docs", "main")).toBeUndefined();
    expect(
      github.requests.filter((r) => r.route === "/repos/{owner}/{repo}/commits/{ref}").map((r) => [r.path, r.status]),
    ).toEqual([
      [`/repos/acme/shop/commits/${SHA.toUpperCase()}?per_page=1`, 200],
      ["/repos/acme/shop/commits/main?per_page=1", 200],
      ["/repos/acme/shop/commits/heads%2Fmain?per_page=1", 200],
      ["/repos/acme/shop/commits/tags%2Fv1.2.0?per_page=1", 200],
      ["/repos/acme/shop/commits/release%2F2026?per_page=1", 200],
      ["/repos/acme/shop/commits/no-such-branch?per_page=1", 422],
      [`/repos/acme/shop/commits/${SHA.slice(0, 7)}?per_page=1`, 422],
      ["/repos/acme/shop/commits/main?per_page=1", 200],
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("lists the default branch's history for the app's listRecentCommits, newest first, then 304 until it moves", async () => {
    const shop = { id: 1, owner: "acme", name: "shop" };
    createConditionalCache().attach(octokit);
    const head = github.resolveRef("acme/shop", "main");
    const untouched = await listRecentCommits(octokit, shop, 10);
    github.setCommits("acme/shop", [
      { sha: SHA, message: "Fix the checkout\n\nLong story.", login: "alice", date: "2026-12-07T10:00:00Z" },
      { sha: OTHER_SHA.toUpperCase(), message: "Start" },
    ]);

    const listed = await listRecentCommits(octokit, shop, 10);
    const again = await listRecentCommits(octokit, shop, 10);
    const one = await listRecentCommits(octokit, shop, 1);
    github.setRef("acme/shop", "main", "f".repeat(40));
    const moved = await listRecentCommits(octokit, shop, 10);

    expect(untouched).toEqual([
      expect.objectContaining({ sha: head, headline: "A commit of the fake GitHub", author: "Fake Committer" }),
    ]);
    expect(listed).toEqual([
      {
        sha: SHA,
        headline: "Fix the checkout",
        author: "alice",
        authoredAt: new Date("2026-12-07T10:00:00Z"),
        url: `${github.url}/acme/shop/commit/${SHA}`,
      },
      expect.objectContaining({ sha: OTHER_SHA, headline: "Start", author: "Fake Committer" }),
    ]);
    expect(again).toEqual(listed);
    expect(one.map((commit) => commit.sha)).toEqual([SHA]);
    expect(moved.map((commit) => commit.sha)).toEqual(["f".repeat(40), SHA, OTHER_SHA]);
    expect(github.requests.filter((r) => r.route === "/repos/{owner}/{repo}/commits").map((r) => [r.path, r.status])).toEqual([
      ["/repos/acme/shop/commits?per_page=10", 200],
      ["/repos/acme/shop/commits?per_page=10", 200],
      ["/repos/acme/shop/commits?per_page=10", 304],
      ["/repos/acme/shop/commits?per_page=1", 200],
      ["/repos/acme/shop/commits?per_page=10", 200],
    ]);
    expect(() => github.setCommits("acme/shop", [])).toThrow("setCommits: a history has at least one commit");
    expect(() => github.setCommits("acme/shop", [{ sha: "abc", message: "x" }])).toThrow('"abc" is not a full 40-hex commit SHA');
    expect(github.problems()).toEqual([]);
  });

  it("answers a commit in the shape GitHub describes, 422 in GitHub's words for an unknown ref, 404 for an unknown repository", async () => {
    const { data, status } = await octokit.rest.repos.getCommit({ ...REPO, ref: SHA });
    const unknown = await octokit.rest.repos.getCommit({ ...REPO, ref: "nope" }).catch((error: unknown) => error);
    const elsewhere = statusOf(octokit.rest.repos.getCommit({ owner: "acme", repo: "docs-missing", ref: SHA }));

    expect(status).toBe(200);
    expect(data).toMatchObject({
      sha: SHA,
      url: `${github.apiUrl}/repos/acme/shop/commits/${SHA}`,
      html_url: `${github.url}/acme/shop/commit/${SHA}`,
      commit: { message: expect.any(String), tree: { sha: expect.stringMatching(/^[0-9a-f]{40}$/) } },
      parents: [],
    });
    expect(unknown).toMatchObject({ status: 422, response: { data: { message: "No commit found for SHA: nope" } } });
    expect(await elsewhere).toBe(404);
    expect(() => github.setRef("acme/shop", "main", "abc123")).toThrow('setRef: "abc123" is not a full 40-hex commit SHA');
    expect(() => github.setRef("acme/shop", SHA, OTHER_SHA)).toThrow("is not a branch or tag name");
    expect(github.problems()).toEqual([]);
  });

  it("finds a repository's installation with the app's JWT, then the repository with its token, as the admin API does; 404 for a repository it does not know", async () => {
    const app = await probot.auth();
    const found = await createFindRepository(probot)("globex", "api");
    const { data: installation } = await app.rest.apps.getRepoInstallation(REPO);
    const { data: repository } = await octokit.rest.repos.get({ owner: "globex", repo: "api" });
    const unknownInstallation = await statusOf(app.rest.apps.getRepoInstallation({ owner: "acme", repo: "nope" }));
    const unknownRepository = await statusOf(octokit.rest.repos.get({ owner: "acme", repo: "nope" }));

    expect(found).toEqual({ repoId: 9101, owner: "globex", repo: "api", installationId: 12 });
    expect(installation).toMatchObject({
      id: 1,
      app_id: 1,
      account: { login: "acme", type: "Organization" },
      target_type: "Organization",
      repository_selection: "all",
      access_tokens_url: `${github.apiUrl}/app/installations/1/access_tokens`,
      permissions: { deployments: "write", contents: "read" },
      events: expect.arrayContaining(["deployment_status", "push"]),
    });
    expect(repository).toMatchObject({
      id: 9101,
      name: "api",
      full_name: "globex/api",
      owner: { login: "globex", type: "Organization" },
      private: true,
      visibility: "private",
      default_branch: "trunk",
      html_url: `${github.url}/globex/api`,
      url: `${github.apiUrl}/repos/globex/api`,
      permissions: { admin: false, push: false, pull: true },
    });
    expect(unknownInstallation).toBe(404);
    expect(unknownRepository).toBe(404);
    // Probot exchanges the JWT for an installation's token at the installation's first request.
    expect(github.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /repos/globex/api/installation 200",
      "POST /app/installations/12/access_tokens 201",
      "GET /repos/globex/api 200",
      "GET /repos/acme/shop/installation 200",
      "POST /app/installations/7/access_tokens 201",
      "GET /repos/globex/api 200",
      "GET /repos/acme/nope/installation 404",
      "GET /repos/acme/nope 404",
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("refuses an installation token on a repository's installation, and the app's JWT on the repository", async () => {
    const jwt = "Bearer header.claims.signature";
    const exchanged = await fetch(`${github.apiUrl}/app/installations/1/access_tokens`, {
      method: "POST",
      headers: { authorization: jwt },
    });
    const { token } = (await exchanged.json()) as { token: string };

    const withToken = await fetch(`${github.apiUrl}/repos/acme/shop/installation`, {
      headers: { authorization: `token ${token}` },
    });
    const withJwt = await fetch(`${github.apiUrl}/repos/acme/shop`, { headers: { authorization: jwt } });

    expect([withToken.status, withJwt.status]).toEqual([401, 401]);
    expect(github.unexpected.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      "GET /repos/{owner}/{repo}/installation 401",
      "GET /repos/{owner}/{repo} 401",
    ]);
  });

  it("answers operations it does not serve with 404 and records them as unexpected", async () => {
    const inSubset = statusOf(octokit.rest.repos.getCombinedStatusForRef({ ...REPO, ref: SHA }));
    const unknown = statusOf(octokit.request("GET /users/{username}", { username: "mona" }));

    expect([await inSubset, await unknown]).toEqual([404, 404]);
    expect(github.unexpected.map((r) => `${r.method} ${r.route}`)).toEqual([
      `GET /repos/acme/shop/commits/${SHA}/status`,
      "GET /users/mona",
    ]);
    expect(github.problems()).toHaveLength(2);
  });

  it("records request bodies that GitHub's OpenAPI description rejects", async () => {
    await octokit.request("POST /repos/{owner}/{repo}/deployments", { ...REPO, ref: SHA, auto_merg: false });

    expect(github.validationErrors).toEqual([expect.stringContaining('body must NOT have additional properties ("auto_merg")')]);
    expect(github.problems()).toEqual(github.validationErrors);
  });

  it("answers the next n requests of a route with an injected fault, then normally again", async () => {
    github.failNext(FAKE_ROUTES.createDeployment, 2, { status: 502 });
    github.failNext(FAKE_ROUTES.createDeployment, 1, {
      status: 403,
      body: { message: "You have exceeded a secondary rate limit" },
      headers: { "retry-after": "60" },
    });
    const create = () => octokit.rest.repos.createDeployment({ ...REPO, ref: SHA, auto_merge: false });

    const statuses = [await statusOf(create()), await statusOf(create())];
    const limited = await create().catch(
      (error: unknown) => error as { status: number; response: { headers: Record<string, string> } },
    );
    const created = await create();

    expect(statuses).toEqual([502, 502]);
    expect(limited).toMatchObject({ status: 403, response: { headers: { "retry-after": "60" } } });
    expect(created.status).toBe(201);
    expect(github.deployments.map((d) => d.id)).toEqual([1]);
    expect(github.countRequests({ route: "/repos/{owner}/{repo}/deployments", method: "POST" })).toBe(4);
  });

  it("delays the answers of a route with setLatency: the deployment exists at once, the request is in flight until answered", async () => {
    github.setLatency(FAKE_ROUTES.createDeployment, 300);
    const created = octokit.rest.repos.createDeployment({ ...REPO, ref: SHA, auto_merge: false });
    while (github.deployments.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const inFlight = github.inFlight();
    const answeredEarly = github.countRequests({ method: "POST", route: "/repos/{owner}/{repo}/deployments" });

    expect((await created).status).toBe(201);
    expect(inFlight).toEqual([
      expect.objectContaining({ method: "POST", route: "/repos/{owner}/{repo}/deployments", repo: "acme/shop" }),
    ]);
    expect(inFlight[0]?.clientPort).toBeGreaterThan(0);
    expect(answeredEarly).toBe(0);
    expect(github.inFlight()).toEqual([]);
    expect(github.countRequests({ method: "POST", route: "/repos/{owner}/{repo}/deployments", status: 201 })).toBe(1);
  });

  it("counts requests by repository, status and time, and refuses requests without a token it handed out", async () => {
    await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username: "mona" });
    const since = performance.timeOrigin + performance.now();
    await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: "acme", repo: "docs", username: "mona" });
    const anonymous = await fetch(`${github.apiUrl}/repos/acme/shop/collaborators/mona/permission`);

    expect(anonymous.status).toBe(401);
    expect(github.countRequests()).toBe(4);
    expect(github.countRequests({ repo: "acme/shop", status: 200 })).toBe(1);
    expect(github.countRequests({ since, rateLimited: true })).toBe(2);
    expect(github.unexpected.map((r) => r.status)).toEqual([401]);
  });
});

const OAUTH = { clientId: "Iv23liFakeClient", clientSecret: "fake-client-secret" };
const CALLBACK = "http://127.0.0.1:3000/dashboard/auth/callback";
const WRITE = { admin: false, maintain: false, push: true, triage: true, pull: true };
const READ = { admin: false, maintain: false, push: false, triage: false, pull: true };
const ADMIN = { admin: true, maintain: true, push: true, triage: true, pull: true };

describe("the fake GitHub's OAuth web flow and user-to-server routes", () => {
  let github: FakeGitHub;

  beforeEach(async () => {
    github = await startFakeGitHub({
      oauth: OAUTH,
      configs: { "acme/docs": CONFIG },
      repositories: { "acme/shop": { id: 7301, installationId: 401, private: true } },
    });
  });
  afterEach(() => github.stop());

  /** The browser's visit to the authorize page: GitHub's answer, redirects not followed. */
  const authorize = (query: Record<string, string>) =>
    fetch(`${github.url}/login/oauth/authorize?${new URLSearchParams(query)}`, { redirect: "manual" });

  /** A signed-in user's trip through the authorize page: the code GitHub sends back. */
  async function signInCode(): Promise<string> {
    const response = await authorize({ client_id: OAUTH.clientId, redirect_uri: CALLBACK, state: "s" });
    return new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
  }

  /** `POST /login/oauth/access_token` as Octokit sends it; the JSON answer. */
  async function exchange(fields: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await fetch(`${github.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret, redirect_uri: CALLBACK, ...fields }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  const asUser = (token: string) => request.defaults({ baseUrl: github.apiUrl, headers: { authorization: `token ${token}` } });
  /** Octokit's `request` pointed at the fake, as the app's OAuth client is (the exchange goes to the web host). */
  const fakeRequest = () => request.defaults({ baseUrl: github.apiUrl });

  it("signs a user in with Octokit's OAuth client, then lists what they may see: their installations and repositories", async () => {
    github.signInAs("alice", { name: "Alice Liddell" });
    github.grantUser("alice", "acme/shop", "write");
    github.grantUser("alice", "acme/docs", "read");
    github.grantUser("alice", "globex/api", "admin");
    github.grantUser("bob", "acme/notes", "admin");
    const { url } = getWebFlowAuthorizationUrl({
      clientType: "github-app",
      clientId: OAUTH.clientId,
      redirectUrl: CALLBACK,
      state: "xyz",
      request: fakeRequest(),
    });

    const authorized = await fetch(url, { redirect: "manual" });
    const back = new URL(authorized.headers.get("location") ?? "");
    const { authentication } = await exchangeWebFlowCode({
      clientType: "github-app",
      ...OAUTH,
      code: back.searchParams.get("code") ?? "",
      redirectUrl: CALLBACK,
      request: fakeRequest(),
    });
    const alice = asUser(authentication.token);
    const user = await alice("GET /user");
    const installations = await alice("GET /user/installations");
    const acme = await alice("GET /user/installations/{installation_id}/repositories", { installation_id: 401 });
    const globex = await alice("GET /user/installations/{installation_id}/repositories", { installation_id: 1 });

    expect(url).toBe(
      `${github.url}/login/oauth/authorize?allow_signup=true&client_id=${OAUTH.clientId}&redirect_uri=${encodeURIComponent(CALLBACK)}&state=xyz`,
    );
    expect(authorized.status).toBe(302);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect([...back.searchParams.keys()]).toEqual(["code", "state"]);
    expect(back.searchParams.get("state")).toBe("xyz");
    expect(authentication).toMatchObject({
      token: expect.stringMatching(/^ghu_\w{36}$/),
      refreshToken: expect.stringMatching(/^ghr_/),
    });
    expect("expiresAt" in authentication && Date.parse(authentication.expiresAt) - Date.now()).toBeGreaterThan(28_700_000);
    expect(user.data).toMatchObject({ login: "alice", name: "Alice Liddell", type: "User", html_url: `${github.url}/alice` });
    expect(installations.data.total_count).toBe(2);
    expect(
      installations.data.installations.map((i) => [i.id, i.account !== null && "login" in i.account ? i.account.login : null]),
    ).toEqual([
      [1, "globex"],
      [401, "acme"],
    ]);
    expect(installations.data.installations[0]).toMatchObject({
      app_id: 1,
      target_type: "Organization",
      repository_selection: "all",
    });
    expect(acme.data.repositories.map((r) => [r.full_name, r.owner.login, r.private, r.permissions])).toEqual([
      ["acme/docs", "acme", false, READ],
      ["acme/shop", "acme", true, WRITE],
    ]);
    expect(acme.data.repositories[1]).toMatchObject({ id: 7301, default_branch: "main", html_url: `${github.url}/acme/shop` });
    expect(acme.data.total_count).toBe(2);
    expect(globex.data.repositories.map((r) => [r.full_name, r.permissions])).toEqual([["globex/api", ADMIN]]);
    expect(github.requests.map((r) => `${r.method} ${r.route} ${r.status} ${r.rateLimited}`)).toEqual([
      "GET /login/oauth/authorize 302 false",
      "POST /login/oauth/access_token 200 false",
      "GET /user 200 true",
      "GET /user/installations 200 true",
      "GET /user/installations/{installation_id}/repositories 200 true",
      "GET /user/installations/{installation_id}/repositories 200 true",
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("takes each code once, refuses a wrong client secret as GitHub does (200 with an error), and Octokit throws both", async () => {
    github.signInAs("alice");
    const code = await signInCode();

    const wrongSecret = await exchange({ code, client_secret: "not-the-secret" });
    const first = await exchange({ code });
    const reused = await exchange({ code });
    const thrown = exchangeWebFlowCode({ clientType: "github-app", ...OAUTH, code, request: fakeRequest() });

    expect(wrongSecret).toEqual({
      error: "incorrect_client_credentials",
      error_description: "The client_id and/or client_secret passed are incorrect.",
      error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    });
    expect(first).toEqual({
      access_token: expect.stringMatching(/^ghu_/),
      token_type: "bearer",
      scope: "",
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_/),
      refresh_token_expires_in: 15_897_600,
    });
    expect(reused).toMatchObject({
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
    });
    await expect(thrown).rejects.toMatchObject({ status: 400, message: expect.stringContaining("bad_verification_code") });
    // A wrong secret is the app's mistake; a used code can be the user's (a reloaded callback page).
    expect(github.unexpected.map((r) => `${r.method} ${r.route}`)).toEqual(["POST /login/oauth/access_token"]);
  });

  it("answers a form with a form, refuses another redirect_uri than the code's, and injects faults into the exchange", async () => {
    github.signInAs("alice");
    github.failNext(FAKE_WEB_ROUTES.exchangeCode, 1, { status: 502 });
    const [first, second] = [await signInCode(), await signInCode()];
    const form = (code: string, redirectUri = CALLBACK) =>
      fetch(`${github.url}/login/oauth/access_token`, {
        method: "POST",
        body: new URLSearchParams({
          client_id: OAUTH.clientId,
          client_secret: OAUTH.clientSecret,
          code,
          redirect_uri: redirectUri,
        }),
      });

    const failed = await form(first);
    const answered = await form(first);
    const mismatch = await exchange({ code: second, redirect_uri: "http://127.0.0.1:3000/elsewhere" });

    expect(failed.status).toBe(502);
    expect(answered.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(await answered.text()).get("access_token")).toMatch(/^ghu_/);
    expect(mismatch).toMatchObject({ error: "redirect_uri_mismatch" });
    expect(github.problems()).toEqual([expect.stringContaining("POST /login/oauth/access_token (answered 200)")]);
  });

  it("answers the authorize page with a page saying what is wrong: nobody signed in, an unknown client, no redirect_uri", async () => {
    const nobody = await authorize({ client_id: OAUTH.clientId, redirect_uri: CALLBACK, state: "s" });
    github.signInAs("alice");
    const unknownClient = await authorize({ client_id: "Iv23liSomeoneElse", redirect_uri: CALLBACK });
    const noRedirect = await authorize({ client_id: OAUTH.clientId });
    const unconfigured = await startFakeGitHub();
    const noOAuth = await fetch(
      `${unconfigured.url}/login/oauth/authorize?client_id=${OAUTH.clientId}&redirect_uri=${CALLBACK}`,
      {
        redirect: "manual",
      },
    );
    await unconfigured.stop();

    expect(nobody.status).toBe(403);
    expect(nobody.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await nobody.text()).toContain("call github.signInAs(login) first");
    expect(unknownClient.status).toBe(404);
    expect(await unknownClient.text()).toContain("Iv23liSomeoneElse");
    expect(noRedirect.status).toBe(400);
    expect(noOAuth.status).toBe(404);
    expect(github.unexpected.map((r) => r.status)).toEqual([403, 404, 400]);
  });

  it("sends the user back with error=access_denied when they cancel, and signs them in the next time", async () => {
    github.signInAs("alice");
    github.denyNextSignIn();

    const denied = new URL(
      (await authorize({ client_id: OAUTH.clientId, redirect_uri: `${CALLBACK}?next=%2F`, state: "s1" })).headers.get(
        "location",
      ) ?? "",
    );
    const code = await signInCode();

    expect(Object.fromEntries(denied.searchParams)).toEqual({
      next: "/",
      error: "access_denied",
      error_description: "The user has denied your application access.",
      error_uri: expect.stringContaining("#access-denied"),
      state: "s1",
    });
    expect(code).toMatch(/^[0-9a-f]{20}$/);
    expect(github.problems()).toEqual([]);
  });

  it("shows a user without a grant no installation and no repository; refuses other tokens on the user routes", async () => {
    github.signInAs("carol");
    github.grantUser("carol", "acme/shop", "write");
    github.grantUser("carol", "acme/shop", "none");
    github.grantUser("dave", "acme/docs", "maintain");
    github.grantUser("erin", "acme/docs", "triage");
    const { access_token: token } = await exchange({ code: await signInCode() });
    const carol = asUser(String(token));
    const installationToken = await fetch(`${github.apiUrl}/app/installations/401/access_tokens`, {
      method: "POST",
      headers: { authorization: "Bearer header.claims.signature" },
    }).then(async (response) => ((await response.json()) as { token: string }).token);

    const installations = await carol("GET /user/installations");
    const repositories = statusOf(carol("GET /user/installations/{installation_id}/repositories", { installation_id: 401 }));
    const unknownToken = statusOf(asUser("ghu_unknown")("GET /user"));
    const asInstallation = statusOf(asUser(installationToken)("GET /user/installations"));
    const userOnRepoRoute = statusOf(
      carol("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { owner: "acme", repo: "shop", username: "carol" }),
    );
    const permissions = await Promise.all(
      ["carol", "dave", "erin"].map(async (login) => {
        const { data } = await asUser(installationToken)("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
          owner: "acme",
          repo: login === "carol" ? "shop" : "docs",
          username: login,
        });
        return data.permission;
      }),
    );

    expect(installations.data).toEqual({ total_count: 0, installations: [] });
    expect(await repositories).toBe(404);
    expect(await unknownToken).toBe(401);
    expect(await asInstallation).toBe(403);
    expect(await userOnRepoRoute).toBe(401);
    expect(permissions).toEqual(["none", "write", "read"]);
    expect(github.unexpected.map((r) => `${r.route} ${r.status}`)).toEqual([
      "/user 401",
      "/user/installations 403",
      "/repos/{owner}/{repo}/collaborators/{username}/permission 401",
    ]);
  });

  it("pages the repositories with GitHub's Link header, which Octokit's paginate follows", async () => {
    github.signInAs("alice");
    for (const name of ["a", "b", "c"]) github.grantUser("alice", `acme/${name}`, "read");
    const { access_token: token } = await exchange({ code: await signInCode() });
    const octokit = new ProbotOctokit({ auth: { token: String(token) }, baseUrl: github.apiUrl });

    const first = await octokit.request("GET /user/installations/{installation_id}/repositories", {
      installation_id: 401,
      per_page: 2,
    });
    const all = await octokit.paginate("GET /user/installations/{installation_id}/repositories", {
      installation_id: 401,
      per_page: 2,
    });

    expect(first.data.repositories.map((r) => r.name)).toEqual(["a", "b"]);
    expect(first.data.total_count).toBe(3);
    expect(first.headers.link).toBe(
      `<${github.apiUrl}/user/installations/401/repositories?per_page=2&page=2>; rel="next", ` +
        `<${github.apiUrl}/user/installations/401/repositories?per_page=2&page=2>; rel="last"`,
    );
    // acme/docs is installed (it has a configuration) but not granted: not listed.
    expect(all.map((r) => r.full_name)).toEqual(["acme/a", "acme/b", "acme/c"]);
    expect(github.problems()).toEqual([]);
  });

  it("expires codes and access tokens on expireUserTokens; a refresh token still gets a new access token, once", async () => {
    github.signInAs("alice");
    const tokens = await exchange({ code: await signInCode() });
    const unused = await signInCode();
    github.expireUserTokens();

    const expired = statusOf(asUser(String(tokens["access_token"]))("GET /user"));
    const lateCode = await exchange({ code: unused });
    const refreshed = await exchange({ grant_type: "refresh_token", refresh_token: String(tokens["refresh_token"]) });
    const again = await exchange({ grant_type: "refresh_token", refresh_token: String(tokens["refresh_token"]) });
    const user = await asUser(String(refreshed["access_token"]))("GET /user");

    expect(await expired).toBe(401);
    expect(lateCode).toMatchObject({ error: "bad_verification_code" });
    expect(refreshed).toMatchObject({
      access_token: expect.stringMatching(/^ghu_/),
      refresh_token: expect.stringMatching(/^ghr_/),
    });
    expect(again).toMatchObject({ error: "bad_refresh_token" });
    expect(user.data.login).toBe("alice");
  });

  it("serves the avatars its answers point to, without counting them as unexpected", async () => {
    github.signInAs("alice");
    const { access_token: token } = await exchange({ code: await signInCode() });
    const { data } = await asUser(String(token))("GET /user");

    const avatar = await fetch(data.avatar_url);
    const image = await avatar.text();

    expect(data.avatar_url).toBe(`${github.url}/avatars/u/${data.id}?v=4`);
    expect(avatar.headers.get("content-type")).toBe("image/svg+xml");
    expect(image).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(github.countRequests({ route: "/avatars/u/{user_id}", status: 200, rateLimited: false })).toBe(1);
    expect(github.problems()).toEqual([]);
  });

  it("validates the user routes' parameters against GitHub's OpenAPI description", async () => {
    github.signInAs("alice");
    const { access_token: token } = await exchange({ code: await signInCode() });

    await asUser(String(token))("GET /user/installations", { per_page: 10, sort: "name" });

    expect(github.validationErrors).toEqual([expect.stringContaining('parameters must NOT have additional properties ("sort")')]);
  });
});
