import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment, deploymentStatus } from "./helpers/github-responses.js";
import { issueComment } from "./commands/responses.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const MINUTE = 60_000;
const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
  review:
    auto_deploy_on: pr
    environment: pr-\${{ pr }}
    required_contexts: []
    stuck_after: 5m
    timeout: 30m
`;

/** The watchdog end to end: real payloads, the retry sweep on the harness's clock, GitHub mocked. */
describe("the deployment watchdog", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const begin = async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", /\/contents\/\.github%2Fdeploy\.yml$/, { status: 200, body: CONFIG });
  };
  const expectDeployment = (id: number) =>
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(id, SHA) });
  const push = () =>
    h.receive("push", { edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }) });
  const openPullRequest = (number: number) =>
    h.receive("pull_request", {
      action: "opened",
      edit: (p) => {
        Object.assign(p, { number });
        Object.assign(p.pull_request, { number, draft: false });
        Object.assign(p.pull_request.head, { sha: SHA, ref: "feature" });
        p.pull_request.base.repo.id = h.repo.id;
        if (p.pull_request.head.repo !== null) p.pull_request.head.repo.id = h.repo.id;
      },
    });
  const reportStatus = (deploymentId: number, id: number, state: string) =>
    h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: deploymentId, sha: SHA, environment: "production" });
        Object.assign(p.deployment_status, { id, state, created_at: h.parts.now().toISOString() });
      },
    });
  const expectErrorStatus = (deploymentId: number, description: string, status = 201) =>
    github.expect(
      "POST",
      `${h.api}/deployments/${deploymentId}/statuses`,
      {
        status,
        body: status === 201 ? deploymentStatus(9000 + deploymentId, deploymentId, "error") : { message: "Server Error" },
      },
      (body) => expect(body).toEqual({ state: "error", description }),
    );
  const fired = () => h.metrics.registry.getSingleMetricAsString("deliverybot_watchdog_firings_total");

  it("marks a deployment nobody reported on error once stuck_after passed, saying what to check, and only once", async () => {
    await begin();
    expectDeployment(501);
    await push();

    h.advanceClock(9 * MINUTE);
    await sweepOnce(h.sweepParts);
    const requestsBefore = github.requests.length;
    h.advanceClock(MINUTE);
    expectErrorStatus(501, "No status 10m after creation: did a workflow run on: deployment? Marked error by Deliverybot.");
    await sweepOnce(h.sweepParts);
    h.advanceClock(60 * MINUTE);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(github.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${h.api}/deployments/501/statuses`,
    ]);
    expect(await h.store.getDeployment(h.repo.id, 501)).toMatchObject({ lifecycle: "failed", state: "error" });
    expect(await fired()).toContain('deliverybot_watchdog_firings_total{kind="stuck"} 1');
  });

  it("tells the pull request a deploy it started got stuck, in one comment", async () => {
    await begin();
    expectDeployment(502);
    await openPullRequest(21);

    h.advanceClock(5 * MINUTE);
    expectErrorStatus(502, "No status 5m after creation: did a workflow run on: deployment? Marked error by Deliverybot.");
    github.expect("POST", `${h.api}/issues/21/comments`, { status: 201, body: issueComment(h.repo, 8001, 21) }, (body) =>
      expect((body as { body: string }).body).toBe(
        "<!-- deliverybot:watchdog -->\nDeployment 502 of d6fde92 to pr-21 got no status within 5m of its creation, so Deliverybot marked it <code>error</code>. Did a workflow run <code>on\\: deployment</code>? Check the repository's Actions, or whatever ships its deployments.",
      ),
    );
    await sweepOnce(h.sweepParts);
    await sweepOnce(h.sweepParts);

    github.done();
  });

  it("marks a deployment still in_progress after its timeout error", async () => {
    await begin();
    expectDeployment(503);
    await push();
    await reportStatus(503, 5031, "in_progress");

    h.advanceClock(59 * MINUTE);
    await sweepOnce(h.sweepParts);
    h.advanceClock(MINUTE);
    expectErrorStatus(503, "Still in_progress after 1h: check the deploy job's log. Marked error by Deliverybot.");
    await sweepOnce(h.sweepParts);

    github.done();
    expect(await fired()).toContain('deliverybot_watchdog_firings_total{kind="timeout"} 1');
  });

  it("does nothing about a deployment that succeeded", async () => {
    await begin();
    expectDeployment(504);
    await push();
    await reportStatus(504, 5041, "in_progress");
    await reportStatus(504, 5042, "success");

    h.advanceClock(24 * 60 * MINUTE);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(await h.store.getDeployment(h.repo.id, 504)).toMatchObject({ lifecycle: "succeeded" });
  });

  it("tries again after its lease when GitHub failed, and fires once it answers", async () => {
    await begin();
    expectDeployment(505);
    await push();
    const description = "No status 10m after creation: did a workflow run on: deployment? Marked error by Deliverybot.";

    h.advanceClock(10 * MINUTE);
    expectErrorStatus(505, description, 500);
    await sweepOnce(h.sweepParts);
    h.advanceClock(4 * MINUTE);
    await sweepOnce(h.sweepParts);
    h.advanceClock(MINUTE);
    expectErrorStatus(505, description);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(await h.store.getDeployment(h.repo.id, 505)).toMatchObject({ lifecycle: "failed" });
  });

  it("stops watching a deployment GitHub refuses a status for (deleted), instead of asking again every lease", async () => {
    await begin();
    expectDeployment(506);
    await push();

    h.advanceClock(10 * MINUTE);
    github.expect("POST", `${h.api}/deployments/506/statuses`, { status: 404, body: { message: "Not Found" } });
    await sweepOnce(h.sweepParts);
    h.advanceClock(60 * MINUTE);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(await fired()).not.toContain("deliverybot_watchdog_firings_total{");
  });
});
