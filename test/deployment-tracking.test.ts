import { describe, expect, it } from "@jest/globals";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";

describe("tracking deployments", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  it("records deployment and deployment_status webhooks as history per environment, without calling GitHub", async () => {
    h = await start();

    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id: 300, sha: SHA, environment: "staging" }) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: 300, sha: SHA, environment: "staging" });
        Object.assign(p.deployment_status, { id: 3001, state: "in_progress", created_at: "2026-11-23T10:00:00Z" });
      },
    });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: 300, sha: SHA, environment: "staging" });
        Object.assign(p.deployment_status, { id: 3002, state: "success", created_at: "2026-11-23T10:05:00Z" });
      },
    });

    expect(github.requests).toEqual([]);
    expect(await h.store.listDeployments(h.repo.id, "staging")).toMatchObject([{ id: 300, sha: SHA, state: "success" }]);
  });

  it("does not auto-deploy a commit someone already deployed to that environment by hand", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", /\/contents\/\.github%2Fdeploy\.yml$/, {
      status: 200,
      body: "production:\n  auto_deploy_on: refs/heads/main\n",
    });

    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id: 301, sha: SHA, environment: "production" }) });
    await h.receive("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "already_deployed" });
  });
});
