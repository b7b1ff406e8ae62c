import { describe, expect, it } from "@jest/globals";
import { deployment } from "../helpers/github-responses.js";
import {
  ADMIN_TOKEN,
  expectInstalled,
  expectNotInstalled,
  newAdminTestRepo,
  recordDeploymentOf,
  type AdminTestRepo,
} from "./admin-fixtures.js";
import { deploymentRequests, useHookServer } from "./hook-server.js";

const STAGED = "5ea6ed0000000000000000000000000000000002";
// No target lists a hook: the admin token is the permission. Staging's environment is templated.
const CONFIG = `version: 2
targets:
  staging:
    environment: staging-\${{ repo }}
    required_contexts: []
  production:
    required_contexts: []
`;

/** `POST /admin/promote`, behind `deliverybot promote`, end to end: real HTTP into the running app, GitHub mocked. */
describe("admin API: /admin/promote", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  const promote = (body: unknown, method = "POST") =>
    fetch(`${server.base}/admin/promote`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      ...(method === "POST" ? { body: JSON.stringify(body) } : {}),
    });

  /** The lookups every promotion makes: installation, repository, config on the default branch (none: 404 twice). */
  function expectRepository(r: AdminTestRepo, yaml: string | null = CONFIG): void {
    expectInstalled(github, r);
    if (yaml !== null) {
      github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: yaml });
      return;
    }
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 404, body: { message: "Not Found" } });
    github.expect("GET", "/repos/acme/.github/contents/.github%2Fdeploy.yml", { status: 404, body: { message: "Not Found" } });
  }

  const staged = (r: AdminTestRepo, state: string | null) =>
    recordDeploymentOf(server.store(), r, STAGED, state, `staging-${r.repo}`);

  it("deploys what succeeded in staging's rendered environment, recording the decision as the request's", async () => {
    const r = newAdminTestRepo();
    await staged(r, "success");
    expectRepository(r);
    github.expect("POST", `${r.api}/deployments`, { status: 201, body: deployment(903, STAGED) }, (body) =>
      expect(body).toMatchObject({ ref: STAGED, environment: "production", payload: expect.objectContaining({ ref: "main" }) }),
    );

    const response = await promote({ repository: r.fullName, from: "staging", to: "production", requestId: "release-9" });

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      status: "deployed",
      deployment: 903,
      sha: STAGED,
      environment: "production",
      target: "production",
    });
    expect((await server.store().listDecisions(r.repoId))[0]).toMatchObject({
      reason: "deployed",
      sha: STAGED,
      ref: "main",
      target: "production",
      origin: "admin:release-9",
    });
    github.done();
  });

  it.each([
    ["in_progress", "waiting_for_upstream", /has not succeeded in staging-store-\d+ yet \(started\)/],
    ["error", "upstream_failed", /the newest deployment to staging-store-\d+, is failed; nothing to promote\.$/],
    ["inactive", "upstream_failed", /is inactive; nothing to promote\.$/],
  ])(
    "answers 409 when staging's newest deployment is %s (%s), recording it against that commit",
    async (state, reason, message) => {
      const r = newAdminTestRepo();
      await staged(r, state);
      expectRepository(r);

      const response = await promote({ repository: r.fullName, from: "staging", to: "production", requestId: "release-9" });

      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ error: reason, reason, message: expect.stringMatching(message) });
      expect((await server.store().listDecisions(r.repoId))[0]).toMatchObject({
        reason,
        sha: STAGED,
        target: "production",
        origin: "admin:release-9",
      });
      expect(deploymentRequests(github)).toEqual([]);
      github.done();
    },
  );

  it("answers 409 when production is locked, deploying nothing", async () => {
    const r = newAdminTestRepo();
    await staged(r, "success");
    const now = new Date();
    const lock = { repoId: r.repoId, environment: "production", target: "production", owner: "ops", pr: 3, reason: "incident" };
    await server.store().acquireLock({ ...lock, createdAt: now, expiresAt: null }, now);
    expectRepository(r);

    const response = await promote({ repository: r.fullName, from: "staging", to: "production" });

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: "locked",
      reason: "locked",
      message: "production is locked by @ops (incident); deploy again once it is unlocked.",
    });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it.each([
    [
      "nothing was deployed to staging",
      "production",
      409,
      "nothing deployed",
      /^Nothing was deployed to staging-store-\d+ yet\.$/,
    ],
    [
      "an unknown target",
      "qa",
      404,
      "unknown target",
      /^There is no target qa in \.github\/deploy\.yml; the targets are staging, production\.$/,
    ],
    ["the same target twice", "STAGING", 400, "same target", /^Promote from one target to another\.$/],
  ])("answers %s with invalid_request, recorded", async (_name, to, status, error, message) => {
    const r = newAdminTestRepo();
    expectRepository(r);

    const response = await promote({ repository: r.fullName, from: "staging", to });

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, reason: "invalid_request", message: expect.stringMatching(message) });
    const [decision] = await server.store().listDecisions(r.repoId);
    expect(decision).toMatchObject({ reason: "invalid_request", message: expect.stringMatching(message) });
    expect(decision?.origin).toMatch(/^admin:[0-9a-f]{64}$/);
    github.done();
  });

  it("answers 404 without .github/deploy.yml and 409 for an invalid one, recording config_invalid", async () => {
    const missing = newAdminTestRepo();
    expectRepository(missing, null);

    const none = await promote({ repository: missing.fullName, from: "staging", to: "production" });

    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: "no .github/deploy.yml", reason: "invalid_request" });
    github.done();
    github.reset();

    const broken = newAdminTestRepo();
    expectRepository(broken, "version: 2\ntargets:\n  production:\n    enviroment: production\n");
    const invalid = await promote({ repository: broken.fullName, from: "staging", to: "production", requestId: "r-1" });

    expect(invalid.status).toBe(409);
    expect(await invalid.json()).toMatchObject({ error: "config_invalid", reason: "config_invalid" });
    expect((await server.store().listDecisions(broken.repoId))[0]).toMatchObject({
      reason: "config_invalid",
      origin: "admin:r-1",
    });
    github.done();
  });

  it("answers 404 when the app is not installed", async () => {
    const r = newAdminTestRepo();
    expectNotInstalled(github, r);

    const response = await promote({ repository: r.fullName, from: "staging", to: "production" });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: `the app is not installed on ${r.fullName}` });
  });

  it.each([
    ["no from", { repository: "acme/shop", to: "production" }, /"from" is missing/],
    ["no to", { repository: "acme/shop", from: "staging" }, /"to" is missing/],
    ["a from that is no name", { repository: "acme/shop", from: "a b", to: "production" }, /"from" must be a target's name/],
    ["a bad repository", { repository: "shop", from: "staging", to: "production" }, /must be owner\/name/],
    ["a bad request id", { repository: "acme/shop", from: "staging", to: "production", requestId: "a b" }, /"requestId" must be/],
    ["an unknown key", { repository: "acme/shop", from: "staging", to: "production", ref: "main" }, /unknown key "ref"/],
  ])("answers 400 to %s without asking GitHub", async (_name, body, message) => {
    const response = await promote(body);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(github.requests).toEqual([]);
  });

  it("answers 405 to anything but POST", async () => {
    const response = await promote(undefined, "GET");

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(github.requests).toEqual([]);
  });
});
