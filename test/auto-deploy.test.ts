import { describe, expect, it } from "@jest/globals";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment, IDEMPOTENCY_KEY } from "./helpers/github-responses.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const NEWER_SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;

const GATED_V1 = `production:
  auto_deploy_on: refs/heads/main
  environment: production
  required_contexts: ["ci/test"]
  payload:
    port: 8080
`;

describe("auto-deploy from a push", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const push = (sha = SHA) =>
    h.receive("push", {
      edit: (p) => {
        p.ref = "refs/heads/main";
        p.after = sha;
        p.deleted = false;
        p.commits = [];
      },
    });
  const checkRun = (action: "created" | "completed", conclusion: "success" | "failure" | null, id = 100, sha = SHA) =>
    h.receive("check_run", {
      action,
      edit: (p) => {
        p.check_run.id = id;
        p.check_run.name = "ci/test";
        p.check_run.head_sha = sha;
        p.check_run.status = action === "completed" ? "completed" : "in_progress";
        p.check_run.conclusion = conclusion as typeof p.check_run.conclusion;
      },
    });
  const serveConfig = (body: string, etag = '"v1"') => github.expect("GET", CONFIG_URL, { status: 200, body, headers: { etag } });
  const configUnchanged = (etag = '"v1"') => github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: etag });

  it("deploys the checked SHA exactly once when the required check passes, in 2 rate-limited calls", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig(GATED_V1);
    configUnchanged();
    configUnchanged();
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(42) }, (body) => {
      expect(body).toEqual({
        ref: SHA,
        task: "deploy",
        auto_merge: false,
        required_contexts: ["ci/test"],
        payload: {
          port: 8080,
          target: "production",
          ref: "refs/heads/main",
          sha: SHA,
          pr: null,
          trigger: "push",
          idempotency_key: IDEMPOTENCY_KEY,
        },
        environment: "production",
        description: "",
        transient_environment: false,
        production_environment: false,
      });
    });

    await push();
    await checkRun("created", null);
    await checkRun("completed", "success", 101);

    github.done();
    expect(github.rateLimitedCount()).toBe(2);
    const [latest] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(latest).toMatchObject({ reason: "deployed", target: "production" });
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.getDeployment(h.repo.id, 42)).toMatchObject({ trigger: "auto", lifecycle: "created", statuses: [] });
  });

  it("does not deploy twice when the check completes again (re-delivered or re-run)", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig(GATED_V1);
    configUnchanged();
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(43) });

    await push();
    await checkRun("completed", "success", 101);
    await checkRun("completed", "success", 102);

    github.done();
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toHaveLength(1);
  });

  it("waits after a failed check and deploys when a re-run succeeds", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig(GATED_V1);
    configUnchanged();
    configUnchanged();
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(44) });

    await push();
    await checkRun("completed", "failure", 101);
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]?.reason).toBe("checks_failed");
    await checkRun("completed", "success", 102);

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]?.reason).toBe("deployed");
  });

  it("drops a superseded SHA: only the newest commit of the ref deploys", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig(GATED_V1);
    configUnchanged();
    configUnchanged();
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(45) }, (body) => {
      expect(body).toMatchObject({ ref: NEWER_SHA });
    });

    await push(SHA);
    await push(NEWER_SHA);
    await checkRun("completed", "success", 101, SHA);
    await checkRun("completed", "success", 102, NEWER_SHA);

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]?.reason).toBe("superseded");
  });

  it("treats GitHub's 409 on required contexts as still waiting, then deploys on the next check", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig(GATED_V1);
    configUnchanged();
    configUnchanged();
    const conflict = { message: "Conflict: Commit status checks failed for main.", documentation_url: "https://docs.github.com" };
    github.expect("POST", `${h.api}/deployments`, { status: 409, body: conflict });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(46) });

    await push();
    await checkRun("completed", "success", 101);
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]?.reason).toBe("waiting_for_checks");
    await checkRun("completed", "success", 102);

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]?.reason).toBe("deployed");
  });

  it("ignores status and check events for commits nothing waits on, without calling GitHub", async () => {
    h = await start();

    await checkRun("completed", "success", 101);
    await h.receive("status", { edit: (p) => void (p.sha = SHA) });

    github.done();
    expect(github.requests).toEqual([]);
  });

  it("ignores a duplicate delivery", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, {
      status: 200,
      body: "production:\n  auto_deploy_on: refs/heads/main\n",
      headers: { etag: '"v1"' },
    });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(47) });

    const event = await push();
    await h.deliver(event);

    github.done();
  });
});
