import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { afterEach } from "@jest/globals";
import { createHarness, INSTALLATION_ID, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const NEWER = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const MINUTE = 60_000;

const CONFIG = `version: 2
targets:
  staging:
    auto_deploy_on: refs/heads/main
    environment: staging
    required_contexts: []
  production:
    promote_from: staging
    soak: 30m
    required_contexts: []
`;

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

describe.each(STORE_BACKENDS)("promotion from staging to production after a soak, on $name", (backend) => {
  const store = useStore(backend);
  const start = () => createHarness(store(), github);
  let h: Harness;

  const begin = async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_URL, { status: 200, body: CONFIG, headers: { etag: '"v1"' } });
  };
  const configUnchanged = (times: number) => github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"v1"', times });
  /** GitHub's `deployment` then `deployment_status` webhooks for a deployment Deliverybot made to staging (its payload says so). */
  const stagingReports = async (id: number, sha: string, state: "success" | "failure" | null) => {
    const payload = { trigger: "push", ref: "refs/heads/main", sha, idempotency_key: `staging-${sha}` };
    const fields = { id, sha, ref: sha, environment: "staging", payload };
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, fields) });
    if (state === null) return;
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, fields);
        Object.assign(p.deployment_status, { id: id * 10, state, created_at: h.parts.now().toISOString() });
      },
    });
  };
  const decisions = async (sha: string) =>
    (await h.store.listDecisions(h.repo.id, { sha, target: "production" })).map((d) => d.reason).reverse();

  it("promotes a commit that succeeded in staging once it has for 30 minutes, exactly once, as a promotion", async () => {
    await begin();
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(50, SHA) }, (body) =>
      expect(body).toMatchObject({ environment: "staging", ref: SHA }),
    );
    await h.receive("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });
    configUnchanged(2);
    await stagingReports(50, SHA, "success");

    h.advanceClock(29 * MINUTE);
    await sweepOnce(h.sweepParts);
    const beforeTheSoak = github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments")).length;
    h.advanceClock(MINUTE);
    configUnchanged(1);
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(51, SHA) }, (body) =>
      expect(body).toMatchObject({
        environment: "production",
        ref: SHA,
        payload: expect.objectContaining({ trigger: "promotion" }),
      }),
    );
    await sweepOnce(h.sweepParts);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(beforeTheSoak).toBe(1);
    expect(await decisions(SHA)).toEqual(["waiting_for_soak", "deployed"]);
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.getDeployment(h.repo.id, 51)).toMatchObject({ environment: "production", trigger: "promotion" });
  });

  it("drops a waiting promotion when staging fails the commit, or deploys another one (a rollback) before the soak ends", async () => {
    await begin();
    // A conditional read each time a waiting promotion is decided: 4.
    configUnchanged(4);
    await stagingReports(60, SHA, "success");
    // The same deployment fails afterwards (a smoke test, say): a newer status.
    await h.receive("deployment_status", {
      edit: (p) => {
        const payload = { trigger: "push", ref: "refs/heads/main", sha: SHA, idempotency_key: `staging-${SHA}` };
        Object.assign(p.deployment, { id: 60, sha: SHA, ref: SHA, environment: "staging", payload });
        Object.assign(p.deployment_status, { id: 609, state: "failure", created_at: h.parts.now().toISOString() });
      },
    });
    await stagingReports(61, NEWER, "success");
    // Rolled back: the older commit deployed to staging again.
    await stagingReports(62, SHA, null);
    h.advanceClock(31 * MINUTE);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(await decisions(SHA)).toEqual(["waiting_for_soak", "upstream_failed"]);
    expect(await decisions(NEWER)).toEqual(["waiting_for_soak", "upstream_replaced"]);
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toEqual([]);
    expect(await h.store.listPendingByRepo(h.repo.id)).toEqual([]);
  });

  it("starts no promotion from another tool's deployment to staging, and asks GitHub nothing for it", async () => {
    h = await start();
    const fields = { id: 70, sha: SHA, ref: SHA, environment: "staging", payload: {} };
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, fields) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, fields);
        Object.assign(p.deployment_status, { id: 700, state: "success", created_at: h.parts.now().toISOString() });
      },
    });

    github.done();
    expect(github.requests).toEqual([]);
    expect(await h.store.listPendingByRepo(h.repo.id)).toEqual([]);
  });
});
