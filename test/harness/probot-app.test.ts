import { afterEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { mockGitHub } from "../helpers/mock-github.js";
import { loadEvent, loadPayload } from "../helpers/payloads.js";
import { createTestProbot, TEST_WEBHOOK_SECRET } from "../helpers/probot-app.js";
import { signPayload } from "../helpers/sign.js";

const github = mockGitHub();
afterEach(() => github.reset());

/** A tiny app: on push, read the deploy config at the pushed commit. */
function readConfigOnPush(app: Probot): void {
  app.on("push", async (context) => {
    await context.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...context.repo(),
      path: ".github/deploy.yml",
      ref: context.payload.after,
      mediaType: { format: "raw" },
    });
  });
}

describe("createTestProbot", () => {
  it("runs a real push payload through the app, the token exchange and the GitHub mock", async () => {
    const probot = await createTestProbot(readConfigOnPush);
    const event = loadEvent("push", {
      installationId: 7,
      edit: (p) => {
        p.ref = "refs/heads/main";
        p.after = "c0ffee";
      },
    });
    github.installationToken(7);
    github.expect("GET", "/repos/Codertocat/Hello-World/contents/.github%2Fdeploy.yml?ref=c0ffee", {
      status: 200,
      body: "production: {}\n",
    });

    await probot.receive(event);

    github.done();
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /app/installations/7/access_tokens",
      "GET /repos/Codertocat/Hello-World/contents/.github%2Fdeploy.yml?ref=c0ffee",
    ]);
    expect(github.requests[1]?.headers["authorization"]).toBe("token test-token");
    expect(github.rateLimitedCount()).toBe(1);
  });

  it("surfaces a missing mock as a failed delivery and in done()", async () => {
    const probot = await createTestProbot(readConfigOnPush);
    github.installationToken(7);

    await expect(probot.receive(loadEvent("push", { installationId: 7 }))).rejects.toThrow(/No match for request/);

    expect(() => github.done()).toThrow("GET /repos/Codertocat/Hello-World/contents/.github%2Fdeploy.yml");
  });
});

describe("loadPayload", () => {
  it("returns adjustable deep copies of real payloads", () => {
    const edited = loadPayload("check_run", {
      action: "completed",
      edit: (p) => {
        p.check_run.head_sha = "abc";
      },
    });
    const fresh = loadPayload("check_run", { action: "completed" });

    expect(edited.action).toBe("completed");
    expect(edited.check_run.head_sha).toBe("abc");
    expect(fresh.check_run.head_sha).not.toBe("abc");
  });

  it("says what exists when an example is missing", () => {
    expect(() => loadPayload("push", { action: "created" })).toThrow(
      '@octokit/webhooks-examples has 0 "push" example(s) with action "created" (actions: none), no index 0',
    );
  });
});

describe("signPayload", () => {
  it("produces the signature Probot's webhook verification accepts", async () => {
    const probot = await createTestProbot(() => undefined);
    const body = JSON.stringify(loadPayload("status"));

    await expect(
      probot.webhooks.verifyAndReceive({
        id: "1",
        name: "status",
        payload: body,
        signature: signPayload(TEST_WEBHOOK_SECRET, body),
      }),
    ).resolves.toBeUndefined();
    await expect(
      probot.webhooks.verifyAndReceive({ id: "2", name: "status", payload: body, signature: signPayload("wrong", body) }),
    ).rejects.toThrow(/signature does not match/);
  });
});
