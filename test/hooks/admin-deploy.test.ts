import { describe, expect, it } from "@jest/globals";
import { deployment, IDEMPOTENCY_KEY } from "../helpers/github-responses.js";
import { ADMIN_TOKEN, expectInstalled, expectNotInstalled, newAdminTestRepo, type AdminTestRepo } from "./admin-fixtures.js";
import { deploymentRequests, useHookServer } from "./hook-server.js";

const HEAD = "1".repeat(40);
const RELEASE = "2".repeat(40);
// No target lists a hook: the admin token is the permission.
const CONFIG =
  "version: 2\ntargets:\n  production:\n    required_contexts: [ci/test]\n  staging:\n    environment: staging\n    required_contexts: []\n";

/** `POST /admin/deploy`, behind `deliverybot deploy`, end to end: real HTTP into the running app, GitHub mocked. */
describe("admin API: /admin/deploy", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  const deploy = (body: unknown, token: string | null = ADMIN_TOKEN) =>
    fetch(`${server.base}/admin/deploy`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  /** The lookups every deploy makes: installation, repository, config on the default branch. */
  function expectRepository(r: AdminTestRepo, yaml: string | null = CONFIG): void {
    expectInstalled(github, r);
    if (yaml !== null) {
      github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: yaml });
      return;
    }
    // Probot's config API looks in the organisation's .github repository next.
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 404, body: { message: "Not Found" } });
    github.expect("GET", "/repos/acme/.github/contents/.github%2Fdeploy.yml", { status: 404, body: { message: "Not Found" } });
  }

  function expectDefaultHead(r: AdminTestRepo, sha: string): void {
    github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, default_branch: "main" } });
    github.expect("GET", `${r.api}/commits/main`, { status: 200, body: { sha } });
  }

  async function passChecks(r: AdminTestRepo, sha: string, outcome: "success" | "failure" | "pending" = "success") {
    await server.store().recordCheck({ repoId: r.repoId, sha, context: "ci/test", source: "check_run", outcome, externalId: 1 });
  }

  it("deploys a ref once checks are green, with trigger admin, and answers already_deployed to a retry", async () => {
    const r = newAdminTestRepo();
    await passChecks(r, RELEASE);
    expectRepository(r);
    github.expect("GET", `${r.api}/commits/release`, { status: 200, body: { sha: RELEASE } });
    github.expect("POST", `${r.api}/deployments`, { status: 201, body: deployment(801, RELEASE) }, (body) => {
      expect(body).toMatchObject({ ref: RELEASE, environment: "production", required_contexts: ["ci/test"] });
      expect((body as { payload: unknown }).payload).toEqual({
        target: "production",
        ref: "release",
        sha: RELEASE,
        pr: null,
        trigger: "admin",
        idempotency_key: IDEMPOTENCY_KEY,
      });
    });
    const request = { repository: r.fullName, target: "production", ref: "release", requestId: "build-41" };

    const response = await deploy(request);

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      status: "deployed",
      deployment: 801,
      sha: RELEASE,
      environment: "production",
      target: "production",
    });
    github.done();
    expect((await server.store().listDecisions(r.repoId))[0]).toMatchObject({
      reason: "deployed",
      sha: RELEASE,
      target: "production",
      origin: "admin:build-41",
    });
    github.reset();

    // The same request again: looked up and gated, but nothing deployed.
    github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, owner: { login: r.owner } } });
    github.expect("GET", `${r.api}/installation`, { status: 200, body: { id: r.installationId, app_id: 1 } });
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    github.expect("GET", `${r.api}/commits/release`, { status: 200, body: { sha: RELEASE } });
    const again = await deploy(request);

    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "already_deployed", sha: RELEASE, environment: "production" });
    expect(deploymentRequests(github)).toEqual([]);
    expect((await server.store().listDecisions(r.repoId))[0]).toMatchObject({ reason: "already_deployed" });
  });

  it("deploys the default branch's head without a ref, and a retry without a request id deploys nothing twice", async () => {
    const r = newAdminTestRepo();
    expectRepository(r);
    expectDefaultHead(r, HEAD);
    github.expect("POST", `${r.api}/deployments`, { status: 201, body: deployment(802, HEAD) });

    const first = await deploy({ repository: r.fullName, target: "staging" });

    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: "deployed", deployment: 802, sha: HEAD, environment: "staging" });
    github.reset();

    github.expect("GET", `${r.api}/installation`, { status: 200, body: { id: r.installationId, app_id: 1 } });
    github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, owner: { login: r.owner } } });
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    expectDefaultHead(r, HEAD);
    const again = await deploy({ repository: r.fullName, target: "staging" });

    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "already_deployed" });
    expect(deploymentRequests(github)).toEqual([]);
  });

  it("answers 401 without the admin token, asking GitHub nothing", async () => {
    const response = await deploy({ repository: "acme/shop", target: "production" }, "wrong-token-wrong-token-wrong-token");
    const missing = await deploy({ repository: "acme/shop", target: "production" }, null);

    expect([response.status, missing.status]).toEqual([401, 401]);
    expect(await response.json()).toEqual({ error: "unauthorized" });
    expect(github.requests).toEqual([]);
  });

  it("answers 404 listing the targets when the target does not exist", async () => {
    const r = newAdminTestRepo();
    expectRepository(r);
    expectDefaultHead(r, HEAD);

    const response = await deploy({ repository: r.fullName, target: "qa" });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "unknown target",
      reason: "invalid_request",
      message: "There is no target qa in .github/deploy.yml; the targets are production, staging.",
    });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it("answers 404 when there is no .github/deploy.yml, and 404 when the app is not installed", async () => {
    const r = newAdminTestRepo();
    expectRepository(r, null);
    expectDefaultHead(r, HEAD);

    const response = await deploy({ repository: r.fullName, target: "production" });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "no .github/deploy.yml", reason: "invalid_request" });
    github.done();

    const other = newAdminTestRepo();
    expectNotInstalled(github, other);
    const notInstalled = await deploy({ repository: other.fullName, target: "production" });
    expect(notInstalled.status).toBe(404);
    expect(await notInstalled.json()).toEqual({ error: `the app is not installed on ${other.fullName}` });
  });

  it("answers 409 when the environment is locked, deploying nothing", async () => {
    const r = newAdminTestRepo();
    await passChecks(r, HEAD);
    const now = new Date();
    const lock = { repoId: r.repoId, environment: "production", target: "production", owner: "ops", pr: 3, reason: "freeze" };
    await server.store().acquireLock({ ...lock, createdAt: now, expiresAt: null }, now);
    expectRepository(r);
    expectDefaultHead(r, HEAD);

    const response = await deploy({ repository: r.fullName, target: "production", requestId: "build-7" });

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: "locked",
      reason: "locked",
      message: "production is locked by @ops (freeze); deploy again once it is unlocked.",
    });
    expect(deploymentRequests(github)).toEqual([]);
    expect((await server.store().listDecisions(r.repoId))[0]).toMatchObject({ reason: "locked", origin: "admin:build-7" });
    github.done();
  });

  it.each([
    ["failed", "failure", "checks_failed", "ci/test failed on 1111111."],
    ["not finished", "pending", "waiting_for_checks", "Waiting for ci/test on 1111111; deploy again once green."],
  ] as const)("answers 409 when a required check %s, deploying nothing", async (_name, outcome, reason, message) => {
    const r = newAdminTestRepo();
    await passChecks(r, HEAD, outcome);
    expectRepository(r);
    expectDefaultHead(r, HEAD);

    const response = await deploy({ repository: r.fullName, target: "production" });

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: reason, reason, message });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it.each([
    ["no target", { repository: "acme/shop" }, /"target" is missing/],
    ["a bad repository", { repository: "shop", target: "production" }, /must be owner\/name/],
    ["a bad request id", { repository: "acme/shop", target: "production", requestId: "a b" }, /"requestId" must be/],
    ["a bad ref", { repository: "acme/shop", target: "production", ref: "../x" }, /"ref" must be a branch/],
    ["an unknown key", { repository: "acme/shop", target: "production", force: true }, /unknown key "force"/],
  ])("answers 400 to %s without asking GitHub", async (_name, body, message) => {
    const response = await deploy(body);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(github.requests).toEqual([]);
  });

  it("answers 422 to a ref that does not exist", async () => {
    const r = newAdminTestRepo();
    expectInstalled(github, r);
    github.expect("GET", `${r.api}/commits/nope`, { status: 422, body: { message: "No commit found for SHA: nope" } });

    const response = await deploy({ repository: r.fullName, target: "production", ref: "nope" });

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "unknown ref" });
    github.done();
  });
});
