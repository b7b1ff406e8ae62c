import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const UNGATED = "production:\n  auto_deploy_on: refs/heads/main\n";

describe("GitHub faults while creating a deployment", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const push = () =>
    h.receive("push", { edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }) });

  it("survives a 5xx, keeps the deploy and creates it on the retry sweep", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 502, body: { message: "Server Error" } });
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"u1"' });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(77) });

    await push();
    const [failed] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    const [waiting] = await h.store.listPendingBySha(h.repo.id, SHA);
    expect(failed).toMatchObject({ reason: "github_error" });
    expect(failed?.message).toContain("502");
    expect(waiting).toMatchObject({ target: "production", attempts: 1 });
    expect(await sweepOnce(h.probot, h.parts)).toBe(0);

    h.advanceClock(31_000);
    expect(await sweepOnce(h.probot, h.parts)).toBe(1);

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed" });
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.listDeployedEnvironments(h.repo.id, SHA)).toEqual(["production"]);
  });

  it("records GitHub's 422 with its message and does not retry", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    const invalid = { message: "No ref found for: main", documentation_url: "https://docs.github.com" };
    github.expect("POST", `${h.api}/deployments`, { status: 422, body: invalid });

    await push();
    h.advanceClock(3_600_000);
    await sweepOnce(h.probot, h.parts);

    github.done();
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(decision).toMatchObject({ reason: "github_error" });
    expect(decision?.message).toContain("No ref found for: main");
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.listDeployedEnvironments(h.repo.id, SHA)).toEqual([]);
  });

  it("fails the delivery when GitHub cannot serve the config, so a redelivery processes it again", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 503, body: { message: "Service Unavailable" } });
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(78) });

    const event = h.event("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });
    await expect(h.probot.receive(event)).rejects.toThrow("Service Unavailable");
    await h.probot.receive(event);

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed" });
  });
});
