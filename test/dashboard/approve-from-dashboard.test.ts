import { afterEach, describe, expect, it } from "@jest/globals";
import { approveFromDashboard, type DashboardVerdict } from "../../src/dashboard/actions/approve-from-dashboard.js";
import type { ActionResult } from "../../src/dashboard/actions/action-result.js";
import { readRepositoryData } from "../../src/dashboard/page-data.js";
import {
  deploymentRequests,
  HEAD_SHA,
  PR,
  pullRequestEvent,
  type CommandGitHub,
  harnessWithConfig,
} from "../commands/command-events.js";
import { pullRequest } from "../commands/responses.js";
import { INSTALLATION_ID, type Harness } from "../helpers/app-harness.js";
import { mockGitHub } from "../helpers/mock-github.js";
import { expectReview, receiveProtectionRequest } from "../helpers/protection-requests.js";
import { STORE_BACKENDS, useStore } from "../helpers/store-backends.js";

const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: pr
    required_contexts: []
    approvals:
      required: 2
  staging:
    required_contexts: []
`;

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

describe.each(STORE_BACKENDS)("approving and rejecting from the dashboard, on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;
  let gh: CommandGitHub;

  async function begin(config = CONFIG): Promise<void> {
    ({ h, gh } = await harnessWithConfig(store(), github, config, { pullRequest: false }));
  }

  /** The action as the dashboard's route calls it: the signed-in user's verdict, through the app's repository context. */
  async function give(asked: Partial<DashboardVerdict> & Pick<DashboardVerdict, "login">): Promise<ActionResult> {
    const deps = await h.sweepParts.openRepo(
      { repo: h.repo, installationId: INSTALLATION_ID },
      { log: h.probot.log, origin: "dashboard:approve" },
    );
    return approveFromDashboard(deps, {
      target: "production",
      sha: HEAD_SHA,
      verdict: "approved",
      reason: null,
      pr: null,
      ...asked,
    });
  }

  it("deploys the pull request's commit once two people approved it from the dashboard; refuses its author (the store knows the pull request), a reader, a target without approvals and a malformed commit", async () => {
    await begin();
    github.expect("GET", `${h.api}/pulls/${PR}`, {
      status: 200,
      body: pullRequest({ repo: h.repo, number: PR, headSha: HEAD_SHA, headRef: "feature/login" }),
      persist: true,
    });
    gh.permission("octocat", "write");
    gh.permission("mallory", "read");
    gh.permission("alice", "write");
    gh.permission("bob", "write");
    gh.deployment(601, (body) =>
      expect(body).toMatchObject({
        ref: HEAD_SHA,
        environment: "production",
        payload: { approvals: [{ login: "alice" }, { login: "bob" }] },
      }),
    );

    await pullRequestEvent(h, "opened");
    const [waiting] = await h.store.listPendingBySha(h.repo.id, HEAD_SHA);
    // The form left out the pull request: the author is still told apart.
    const author = await give({ login: "octocat", pr: null });
    const reader = await give({ login: "mallory" });
    const noApprovals = await give({ login: "alice", target: "staging" });
    const unknown = await give({ login: "alice", target: "nowhere" });
    const malformed = await give({ login: "alice", sha: "c0ffee" });
    const first = await give({ login: "alice", pr: PR });
    const afterOne = deploymentRequests(github).length;
    const second = await give({ login: "bob", sha: HEAD_SHA.toUpperCase(), pr: PR });

    github.done();
    expect(waiting).toMatchObject({ target: "production", pr: PR });
    expect(author).toEqual({
      kind: "refused",
      reason: "not_permitted",
      message: "@octocat opened pull request #42, and production does not allow self-approval.",
    });
    expect(reader).toEqual({
      kind: "refused",
      reason: "not_permitted",
      message: "@mallory needs write permission to approve production.",
    });
    expect(noApprovals).toEqual({
      kind: "refused",
      reason: "invalid_command",
      message: "staging needs no approvals: its `approvals` are not set.",
    });
    expect(unknown).toEqual({
      kind: "refused",
      reason: "invalid_command",
      message: "There is no target nowhere; this repository has production, staging.",
    });
    expect(malformed).toMatchObject({ kind: "refused", reason: "invalid_command" });
    expect(first).toEqual({ kind: "done", message: "Approved c0ffee0 for production: 1 of 2, 1 more needed." });
    expect(afterOne).toBe(0);
    expect(second).toEqual({ kind: "done", message: "Approved c0ffee0 for production: 2 of 2, enough to deploy." });
    expect(deploymentRequests(github)).toHaveLength(1);
    const approvals = await h.store.listApprovals(h.repo.id, HEAD_SHA);
    expect(approvals.map((a) => [a.login, a.verdict, a.pr])).toEqual([
      ["alice", "approved", PR],
      ["bob", "approved", PR],
    ]);
    expect(await h.store.listPendingBySha(h.repo.id, HEAD_SHA)).toEqual([]);
  });

  it("drops the waiting deploy when an approver rejects the commit from the dashboard, with the reason", async () => {
    await begin();
    github.expect("GET", `${h.api}/pulls/${PR}`, {
      status: 200,
      body: pullRequest({ repo: h.repo, number: PR, headSha: HEAD_SHA, headRef: "feature/login" }),
    });
    gh.permission("carol", "write");

    await pullRequestEvent(h, "opened");
    const rejected = await give({ login: "carol", verdict: "rejected", reason: "not during the sale", pr: PR });

    github.done();
    expect(rejected).toEqual({
      kind: "done",
      message: "Rejected c0ffee0 for production: not during the sale. What waited to deploy it is dropped.",
    });
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]).toMatchObject({
      reason: "approval_rejected",
      message: "@carol rejected c0ffee0 for production: not during the sale; it does not deploy to production.",
    });
    expect(await h.store.listApprovals(h.repo.id, HEAD_SHA)).toEqual([
      expect.objectContaining({ login: "carol", verdict: "rejected", reason: "not during the sale", pr: PR }),
    ]);
    expect(await h.store.listPendingBySha(h.repo.id, HEAD_SHA)).toEqual([]);
    expect(deploymentRequests(github)).toHaveLength(0);
  });

  it("shows a held protection rule request's approval forms, and answers it once an approver approved its commit from the dashboard (no pull request: none fetched)", async () => {
    const sha = "feed0000000000000000000000000000000000b2";
    await begin(CONFIG.replace("    auto_deploy_on: pr\n", "").replace("required: 2", "required: 1"));
    github.expect("GET", `${h.api}/collaborators/dev/permission`, {
      status: 200,
      body: { permission: "write", role_name: "write", user: { login: "dev" } },
      persist: true,
    });
    gh.permission("alice", "write");
    expectReview(github, h, (body) =>
      expect(body).toEqual({ environment_name: "production", comment: expect.stringContaining("needs an approval of feed000") }),
    );
    expectReview(github, h, (body) => expect(body).toMatchObject({ state: "approved", environment_name: "production" }));

    await receiveProtectionRequest(h, { sha, ref: "main" });
    const held = await h.store.listProtectionRequests(h.repo.id, sha);
    const page = await readRepositoryData({ store: h.store }, h.repo.id, new Date(), undefined);
    const approved = await give({ login: "alice", sha });

    github.done();
    expect(held).toEqual([expect.objectContaining({ reason: "waiting_for_approval", pr: null })]);
    // The repository page finds the target the job waits on from the decision its hold was told with.
    expect(page.heldJobs).toEqual([
      expect.objectContaining({ runId: held[0]?.runId, approval: { target: "production", approved: [] } }),
    ]);
    expect(approved).toEqual({ kind: "done", message: "Approved feed000 for production: 1 of 1, enough to deploy." });
    expect(await h.store.listProtectionRequests(h.repo.id, sha)).toEqual([]);
  });
});
