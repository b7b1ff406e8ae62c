import { describe, expect, it } from "@jest/globals";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { changedFile, deployment, deploymentStatus, IDEMPOTENCY_KEY } from "./helpers/github-responses.js";
import type { WebhookPayload } from "./helpers/payloads.js";

const HEAD_SHA = "c0ffee0000000000000000000000000000000001";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const REVIEW_APPS = `review:
  auto_deploy_on: pr
  environment: pr-\${{ pr }}
  transient_environment: true
  description: "Review app for #\${{ pr }} (\${{ short_sha }})"
`;

describe("pull request review environments", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const headOf = (fromFork: boolean) => (p: WebhookPayload<"pull_request">) => {
    p.number = 42;
    p.pull_request.number = 42;
    p.pull_request.head.ref = "feature/login";
    p.pull_request.head.sha = HEAD_SHA;
    p.pull_request.base.repo.id = h.repo.id;
    if (p.pull_request.head.repo !== null) p.pull_request.head.repo.id = fromFork ? h.repo.id + 1 : h.repo.id;
  };

  it("deploys an opened pull request's head to its own transient environment", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: REVIEW_APPS, headers: { etag: '"r1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(501) }, (body) => {
      expect(body).toMatchObject({
        ref: HEAD_SHA,
        environment: "pr-42",
        transient_environment: true,
        description: "Review app for #42 (c0ffee0)",
        payload: {
          target: "review",
          ref: "refs/heads/feature/login",
          sha: HEAD_SHA,
          pr: 42,
          trigger: "pull_request",
          idempotency_key: IDEMPOTENCY_KEY,
        },
      });
    });

    await h.receive("pull_request", { action: "opened", edit: headOf(false) });

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]).toMatchObject({ reason: "deployed", pr: 42 });
  });

  it("refuses to auto-deploy a pull request from a fork, and says why", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", `${h.api}/pulls/42/files`, { status: 200, body: [changedFile("src/index.ts")] });
    github.expect("GET", CONFIG_URL, { status: 200, body: REVIEW_APPS, headers: { etag: '"r1"' } });

    await h.receive("pull_request", { action: "opened", edit: headOf(true) });

    github.done();
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA });
    expect(decision).toMatchObject({ reason: "not_permitted", target: "review" });
    expect(decision?.message).toContain("fork");
  });

  it("reports on a config file changed by a fork's pull request, which sends no push event here", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", `${h.api}/pulls/42/files`, { status: 200, body: [changedFile(".github/deploy.yml")] });
    github.expect("GET", `${h.api}/contents/.github%2Fdeploy.yml?ref=${HEAD_SHA}`, {
      status: 200,
      body: "review:\n  auto_deploy_on: pr\n  required_contexts: []\n  enviroment: x\n",
    });
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: { id: 1 } }, (body) => {
      expect(body).toMatchObject({ name: "Deliverybot config", head_sha: HEAD_SHA, conclusion: "failure" });
      expect(JSON.stringify(body)).toContain("environment");
    });
    github.expect("GET", CONFIG_URL, { status: 200, body: REVIEW_APPS, headers: { etag: '"r1"' } });

    await h.receive("pull_request", { action: "synchronize", edit: headOf(true) });

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]).toMatchObject({ reason: "not_permitted" });
  });

  it("marks the transient environment inactive when the pull request closes", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: REVIEW_APPS, headers: { etag: '"r1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(502) });
    github.expect(
      "POST",
      `${h.api}/deployments/502/statuses`,
      { status: 201, body: deploymentStatus(9001, 502, "inactive") },
      (body) => {
        expect(body).toMatchObject({ state: "inactive" });
      },
    );

    await h.receive("pull_request", { action: "opened", edit: headOf(false) });
    await h.receive("pull_request", { action: "closed", edit: headOf(false) });

    github.done();
    expect(await h.store.listActiveTransientDeployments(h.repo.id, 42)).toEqual([]);
    const [latest] = await h.store.listDeployments(h.repo.id, "pr-42");
    expect(latest).toMatchObject({ id: 502, state: "inactive" });
  });

  it("drops a review deploy still waiting for checks when the pull request closes", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    const gated = `${REVIEW_APPS}  required_contexts: [ci]\n`;
    github.expect("GET", CONFIG_URL, { status: 200, body: gated, headers: { etag: '"r2"' } });

    await h.receive("pull_request", { action: "opened", edit: headOf(false) });
    await h.receive("pull_request", { action: "closed", edit: headOf(false) });

    github.done();
    expect(await h.store.listPendingBySha(h.repo.id, HEAD_SHA)).toEqual([]);
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]?.reason).toBe("pull_request_closed");
  });
});
