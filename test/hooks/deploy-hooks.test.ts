import { describe, expect, it } from "@jest/globals";
import { IDEMPOTENCY_KEY } from "../helpers/github-responses.js";
import { deploymentRequests, useHookServer, type TestHook } from "./hook-server.js";

const HEAD = "1".repeat(40);
const TAGGED = "2".repeat(40);
const OTHER = "3".repeat(40);

const CONFIG = `version: 2
targets:
  production:
    required_contexts: []
    hooks: [dockerhub]
`;

const dockerHubPush = (tag: string) => ({
  callback_url: "https://registry.hub.docker.com/u/acme/shop/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/",
  push_data: { pushed_at: 1_417_566_161, pusher: "trustedbuilder", tag },
  repository: { repo_name: "acme/shop", name: "shop", namespace: "acme", is_private: true, status: "Active" },
});

/** Inbound deploy hooks end to end: real HTTP into the running app, GitHub mocked. */
describe("deploy hooks", () => {
  const server = useHookServer();
  const { github } = server;

  const post = (url: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: "POST",
      headers: { "x-deploy-secret": token, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const payloadOf = (body: unknown) => (body as { payload: Record<string, unknown> }).payload;

  async function expectDeployed(h: TestHook, response: Response, sha: string, id: number): Promise<void> {
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      status: "deployed",
      deployment: id,
      sha,
      environment: "production",
      target: "production",
    });
    github.done();
  }

  it("deploys the default branch's head for an empty body, and records why", async () => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectDefaultHead(h, HEAD);
    server.expectDeployment(h, 501, HEAD, (body) => {
      expect(body).toMatchObject({ ref: HEAD, environment: "production", auto_merge: false, required_contexts: [] });
      expect(payloadOf(body)).toEqual({
        target: "production",
        ref: "main",
        sha: HEAD,
        pr: null,
        trigger: "hook",
        hook: "dockerhub",
        idempotency_key: IDEMPOTENCY_KEY,
      });
    });

    const response = await post(h.url, h.token);

    await expectDeployed(h, response, HEAD, 501);
    const [decision] = await server.store().listDecisions(h.hook.repoId);
    expect(decision).toMatchObject({
      reason: "deployed",
      sha: HEAD,
      target: "production",
      origin: expect.stringMatching(`^hook:${h.hook.id}:`),
    });
  });

  it("deploys the commit a {tag} names when it is a git tag, with the tag in the payload", async () => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectCommit(h, "v2.0.1", TAGGED);
    server.expectDeployment(h, 502, TAGGED, (body) => {
      expect(payloadOf(body)).toMatchObject({ ref: "v2.0.1", sha: TAGGED, trigger: "hook", hook: "dockerhub", tag: "v2.0.1" });
      expect(payloadOf(body)).not.toHaveProperty("image");
    });

    await expectDeployed(h, await post(h.url, h.token, { tag: "v2.0.1" }), TAGGED, 502);
  });

  it.each([
    ["a ref", { ref: "release" }, "release", "release"],
    ["a sha", { sha: OTHER.toUpperCase() }, OTHER, OTHER],
    ["a ref and a sha: the sha, named by the ref", { ref: "release", sha: OTHER }, OTHER, "release"],
  ])("deploys %s", async (_name, body, resolved, ref) => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectCommit(h, resolved, OTHER);
    server.expectDeployment(h, 503, OTHER, (sent) => expect(payloadOf(sent)).toMatchObject({ ref, sha: OTHER }));

    await expectDeployed(h, await post(h.url, h.token, body), OTHER, 503);
  });

  it("deploys the default branch's head for a Docker Hub push of `latest` called with ?token=", async () => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectCommit(h, "latest", undefined);
    server.expectDefaultHead(h, HEAD);
    server.expectDeployment(h, 504, HEAD, (body) =>
      expect(payloadOf(body)).toMatchObject({
        ref: "main",
        sha: HEAD,
        trigger: "hook",
        hook: "dockerhub",
        image: "acme/shop",
        tag: "latest",
      }),
    );

    const response = await fetch(`${h.url}?token=${h.token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(dockerHubPush("latest")),
    });

    await expectDeployed(h, response, HEAD, 504);
  });

  it("deploys the tagged commit for a Docker Hub push of a tag that is also a git tag", async () => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectCommit(h, "v2.0.1", TAGGED);
    server.expectDeployment(h, 505, TAGGED, (body) =>
      expect(payloadOf(body)).toMatchObject({ ref: "v2.0.1", image: "acme/shop", tag: "v2.0.1" }),
    );

    await expectDeployed(h, await post(h.url, h.token, dockerHubPush("v2.0.1")), TAGGED, 505);
  });

  it("deploys the target the URL names when several allow the hook", async () => {
    const h = await server.createTestHook();
    const config = `${CONFIG}  staging:\n    environment: staging\n    required_contexts: []\n    hooks: [dockerhub]\n`;
    server.expectConfig(h, config);
    server.expectDefaultHead(h, HEAD);
    server.expectDeployment(h, 506, HEAD, (body) => expect(body).toMatchObject({ environment: "staging" }));

    const response = await post(`${h.url}/staging`, h.token);

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ environment: "staging", target: "staging" });
    github.done();
  });

  it("leaves the checks to GitHub when the target sets hook_checks: false", async () => {
    const h = await server.createTestHook();
    server.expectConfig(
      h,
      "version: 2\ntargets:\n  production:\n    required_contexts: [ci/test]\n    hooks: [dockerhub]\n    hook_checks: false\n",
    );
    server.expectDefaultHead(h, HEAD);
    server.expectDeployment(h, 507, HEAD, (body) => expect(body).toMatchObject({ required_contexts: ["ci/test"] }));

    await expectDeployed(h, await post(h.url, h.token), HEAD, 507);
  });

  it("deploys once per request id: a repeated X-Request-Id deploys nothing, even after the branch moved", async () => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectDefaultHead(h, HEAD);
    server.expectDeployment(h, 508, HEAD);
    const first = await post(h.url, h.token, undefined, { "x-request-id": "build-41" });
    github.reset();
    github.expect("GET", `${h.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    github.expect("GET", h.api, { status: 200, body: { default_branch: "main" } });
    github.expect("GET", `${h.api}/commits/main`, { status: 200, body: { sha: OTHER } });

    const again = await post(h.url, h.token, undefined, { "x-request-id": "build-41" });

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "already_deployed", sha: OTHER });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
    expect((await server.store().listDecisions(h.hook.repoId, { limit: 1 }))[0]).toMatchObject({ reason: "already_deployed" });
  });

  it("treats the same body for the same commit as the same request when no id is given", async () => {
    const h = await server.createTestHook();
    server.expectConfig(h, CONFIG);
    server.expectCommit(h, "v2.0.1", TAGGED);
    server.expectDeployment(h, 509, TAGGED);
    await post(h.url, h.token, { tag: "v2.0.1" });
    github.reset();
    github.expect("GET", `${h.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    github.expect("GET", `${h.api}/commits/v2.0.1`, { status: 200, body: { sha: TAGGED } });

    const again = await post(h.url, h.token, { tag: "v2.0.1" });

    expect(await again.json()).toMatchObject({ status: "already_deployed" });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });
});
