import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Probot, ProbotOctokit } from "probot";
import { TEST_PRIVATE_KEY } from "../helpers/probot-app.js";
import { FAKE_ROUTES, startFakeGitHub, type FakeGitHub } from "./fake-github-server.js";

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
  let octokit: Octokit;

  beforeEach(async () => {
    github = await startFakeGitHub({ configs: { "acme/shop": CONFIG } });
    // The app's own client: Probot's Octokit, authenticated as installation 7 through the token exchange.
    const probot = new Probot({
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
    expect(github.problems()).toEqual([]);
  });

  it("answers operations it does not serve with 404 and records them as unexpected", async () => {
    const inSubset = statusOf(octokit.rest.repos.get({ ...REPO }));
    const unknown = statusOf(octokit.request("GET /user"));

    expect([await inSubset, await unknown]).toEqual([404, 404]);
    expect(github.unexpected.map((r) => `${r.method} ${r.route}`)).toEqual(["GET /repos/acme/shop", "GET /user"]);
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
