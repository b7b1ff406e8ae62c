import { describe, expect, it } from "@jest/globals";
import { EXPECTED_HOOK_BODIES } from "../../src/hooks/parse-hook-request.js";
import { deploymentRequests, useHookServer } from "./hook-server.js";

const HEAD = "1".repeat(40);
const CONFIG =
  "version: 2\ntargets:\n  production:\n    required_contexts: [ci/test]\n    hooks: [dockerhub]\n  staging:\n    environment: staging\n";

/** Every way a hook request is turned away; none of them may create a deployment. */
describe("deploy hook refusals", () => {
  const server = useHookServer();
  const { github } = server;

  const post = (url: string, init: { token?: string; body?: string; type?: string; headers?: Record<string, string> } = {}) =>
    fetch(url, {
      method: "POST",
      headers: {
        ...(init.token === undefined ? {} : { "x-deploy-secret": init.token }),
        ...(init.body === undefined ? {} : { "content-type": init.type ?? "application/json" }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });

  async function expectRefused(response: Response, status: number, body: object): Promise<void> {
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
    expect(deploymentRequests(github)).toEqual([]);
  }

  describe("before GitHub is asked anything", () => {
    it.each([
      ["no secret", (url: string) => post(url)],
      ["a wrong X-Deploy-Secret", (url: string) => post(url, { token: "x".repeat(43) })],
      ["a wrong secret of another length", (url: string) => post(url, { token: "short" })],
      ["a wrong ?token=", (url: string) => post(`${url}?token=${"y".repeat(43)}`)],
    ])("answers 401 with no detail to %s, and only counts it", async (_name, send) => {
      const h = await server.createTestHook();
      const before = server.runtime().counters.rejected.unauthorized;

      const response = await send(h.url);

      await expectRefused(response, 401, { error: "unauthorized" });
      expect(server.runtime().counters.rejected.unauthorized).toBe(before + 1);
      expect(await server.store().listDecisions(h.hook.repoId)).toEqual([]);
      expect(github.requests).toEqual([]);
    });

    it("answers 404 for an unknown hook, whatever the secret", async () => {
      const h = await server.createTestHook();

      await expectRefused(await post(`${server.base}/hooks/deploy/${"A".repeat(22)}`, { token: h.token }), 404, {
        error: "unknown hook",
      });
      await expectRefused(await post(`${server.base}/hooks/deploy/not-an-id`, { token: h.token }), 404, {
        error: "unknown hook",
      });
      expect(github.requests).toEqual([]);
    });

    it("answers 404 for a revoked hook, even with its right token", async () => {
      const h = await server.createTestHook();
      await server.store().revokeHook(h.hook.id, new Date());

      await expectRefused(await post(h.url, { token: h.token }), 404, { error: "unknown hook" });
      expect(github.requests).toEqual([]);
    });

    it("answers 413 to a body over 1 MB", async () => {
      const h = await server.createTestHook();
      const body = JSON.stringify({ tag: "v1", padding: "x".repeat(1024 * 1024) });

      await expectRefused(await post(h.url, { token: h.token, body }), 413, { error: "body too large", limit: 1024 * 1024 });
      expect(server.runtime().counters.rejected.too_large).toBeGreaterThan(0);
      expect(github.requests).toEqual([]);
    });

    it("answers 413 to a chunked 16 MB body as it passes 1 MB, without reading it all", async () => {
      const h = await server.createTestHook();
      const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 1;
          if (sent > 64) controller.close();
          else controller.enqueue(chunk);
        },
      });

      const response = await fetch(h.url, {
        method: "POST",
        headers: { "x-deploy-secret": h.token, "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);

      await expectRefused(response, 413, { error: "body too large", limit: 1024 * 1024 });
      expect(sent).toBeLessThan(64);
      expect(github.requests).toEqual([]);
    });

    it("answers 429 with Retry-After once a hook used its burst, and lets it go on later", async () => {
      const h = await server.createTestHook();
      const burst = await Promise.all(Array.from({ length: 10 }, () => post(h.url, { token: h.token, body: "{" })));

      const limited = await post(h.url, { token: h.token, body: "{" });
      server.advanceClock(6_000);
      const later = await post(h.url, { token: h.token, body: "{" });

      expect(burst.map((response) => response.status)).toEqual(Array.from({ length: 10 }, () => 400));
      expect(limited.headers.get("retry-after")).toMatch(/^[1-6]$/);
      await expectRefused(limited, 429, { error: "too many requests" });
      expect(later.status).toBe(400);
      expect(github.requests).toEqual([]);
    });

    it.each([
      ["malformed JSON", "{not json", "The body is not valid JSON."],
      ["an unknown shape", JSON.stringify({ image: "acme/shop" }), 'Unknown key "image".'],
      ["a sha that is no full SHA", JSON.stringify({ sha: "abc123" }), "`sha` must be a full commit SHA: 40 hexadecimal digits."],
    ])("answers 400 to %s, saying what is accepted", async (_name, body, message) => {
      const h = await server.createTestHook();

      await expectRefused(await post(h.url, { token: h.token, body }), 400, {
        error: "invalid request",
        message,
        expected: EXPECTED_HOOK_BODIES,
      });
      expect(github.requests).toEqual([]);
    });

    it("answers 415 to a body that is not JSON, 405 to another method", async () => {
      const h = await server.createTestHook();

      const form = await post(h.url, { token: h.token, body: "tag=v1", type: "application/x-www-form-urlencoded" });
      const get = await fetch(h.url, { headers: { "x-deploy-secret": h.token } });

      expect(form.status).toBe(415);
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      expect(github.requests).toEqual([]);
    });
  });

  describe("after the commit and the configuration are known", () => {
    it.each([
      ["a target that does not list the hook", "/staging", 403, "target does not allow this hook", "not_permitted"],
      ["a target that does not exist", "/prod", 404, "unknown target", "invalid_request"],
    ])("refuses %s", async (_name, suffix, status, error, reason) => {
      const h = await server.createTestHook();
      server.expectConfig(h, CONFIG);
      server.expectDefaultHead(h, HEAD);

      const response = await post(`${h.url}${suffix}`, { token: h.token });

      await expectRefused(response, status, { error, message: expect.any(String) });
      expect((await server.store().listDecisions(h.hook.repoId))[0]).toMatchObject({ reason, sha: HEAD });
      github.done();
    });

    it("answers 403 when no target lists the hook, and 400 when several do and the URL names none", async () => {
      const none = await server.createTestHook("jenkins");
      const several = await server.createTestHook();
      server.expectConfig(none, CONFIG);
      server.expectDefaultHead(none, HEAD);
      server.expectConfig(several, CONFIG.replace("environment: staging", "hooks: [dockerhub]"));
      server.expectDefaultHead(several, HEAD);

      await expectRefused(await post(none.url, { token: none.token }), 403, {
        error: "no target allows this hook",
        message: expect.any(String),
      });
      await expectRefused(await post(several.url, { token: several.token }), 400, {
        error: "invalid request",
        expected: "/hooks/deploy/<hook-id>/<target>",
        message: "Targets production, staging allow hook dockerhub; name one in the URL: /hooks/deploy/<hook-id>/<target>.",
      });
      github.done();
    });

    it("answers 409 when the environment is locked", async () => {
      const h = await server.createTestHook();
      server.expectConfig(h, CONFIG);
      server.expectDefaultHead(h, HEAD);
      const now = new Date();
      const lock = {
        repoId: h.hook.repoId,
        environment: "production",
        target: "production",
        owner: "ops",
        pr: 3,
        reason: "freeze",
        createdAt: now,
        expiresAt: null,
      };
      await server.store().acquireLock(lock, now);

      const response = await post(h.url, { token: h.token });

      await expectRefused(response, 409, {
        error: "locked",
        message: "production is locked by @ops (freeze); call the hook again once it is unlocked.",
      });
      github.done();
    });

    it.each([
      ["failed", "failure", "checks_failed", "ci/test failed on 1111111."],
      ["not finished", "pending", "waiting_for_checks", "Waiting for ci/test on 1111111; call the hook again once green."],
    ] as const)("answers 409 when a required check %s, deploying nothing", async (_name, outcome, error, message) => {
      const h = await server.createTestHook();
      server.expectConfig(h, CONFIG);
      server.expectDefaultHead(h, HEAD);
      await server
        .store()
        .recordCheck({ repoId: h.hook.repoId, sha: HEAD, context: "ci/test", source: "check_run", outcome, externalId: 1 });

      await expectRefused(await post(h.url, { token: h.token }), 409, { error, message });
      expect((await server.store().listDecisions(h.hook.repoId))[0]).toMatchObject({ reason: error });
      github.done();
    });

    it("answers 409 when GitHub's own check refuses, and lets the same request deploy once it is green", async () => {
      const h = await server.createTestHook();
      const unchecked = "version: 2\ntargets:\n  production:\n    hooks: [dockerhub]\n    hook_checks: false\n";
      github.installationToken(h.hook.installationId);
      github.expect("GET", `${h.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: unchecked, times: 2 });
      github.expect("GET", `${h.api}/commits/${HEAD}`, { status: 200, body: { sha: HEAD }, times: 2 });
      const conflict = { message: "Conflict: Commit status checks failed for main." };
      github.expect("POST", `${h.api}/deployments`, { status: 409, body: conflict });
      server.expectDeployment(h, 701, HEAD);
      const send = () =>
        post(h.url, { token: h.token, body: JSON.stringify({ sha: HEAD }), headers: { "x-hook-delivery": "d-1" } });

      const refused = await send();
      const retried = await send();

      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ error: "waiting_for_checks" });
      expect(retried.status).toBe(201);
      github.done();
    });

    it("answers 422 when the ref names no commit", async () => {
      const h = await server.createTestHook();
      github.installationToken(h.hook.installationId);
      server.expectCommit(h, "nope", undefined);

      await expectRefused(await post(h.url, { token: h.token, body: JSON.stringify({ ref: "nope" }) }), 422, {
        error: "unknown ref",
        message: "There is no branch, tag or commit nope in this repository.",
      });
      github.done();
    });
  });
});
