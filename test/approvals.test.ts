import { afterEach, describe, expect, it } from "@jest/globals";
import {
  comment,
  deploymentRequests,
  HEAD_SHA,
  PR,
  pullRequestEvent,
  replies,
  type CommandGitHub,
  harnessWithConfig,
} from "./commands/command-events.js";
import { type Harness } from "./helpers/app-harness.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { expectReview, receiveProtectionRequest } from "./helpers/protection-requests.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";

const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: pr
    required_contexts: []
    approvals:
      required: 2
`;

/** A recorded time as the replies show it, escaped: `2026-11-23 09\\:00\\:05 UTC`. */
function utc(at: Date | undefined): string {
  if (at === undefined) throw new Error("no approval was recorded");
  return `${at.toISOString().slice(0, 19).replace("T", " ").replaceAll(":", "\\:")} UTC`;
}

const NEXT_SHA = "beef0000000000000000000000000000000000b2";

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

describe.each(STORE_BACKENDS)("approvals, on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;
  let gh: CommandGitHub;

  async function begin(config = CONFIG): Promise<void> {
    ({ h, gh } = await harnessWithConfig(store(), github, config));
  }

  it("deploys a pull request once two people approved it, refusing a read-only user and the author; a held job is approved with it", async () => {
    await begin();
    for (const id of [7001, 7002, 7003, 7004]) gh.reaction(id);
    for (const id of [9001, 9002, 9003, 9004]) gh.reply(id);
    gh.permission("mallory", "read");
    gh.permission("octocat", "write");
    gh.permission("alice", "write");
    gh.permission("bob", "write");
    gh.permission("dev", "write");
    // Held, told again when the first approval changes what it waits for, then approved.
    expectReview(github, h, (body) =>
      expect(body).toEqual({ environment_name: "production", comment: expect.stringContaining("needs 2 approvals of c0ffee0") }),
    );
    expectReview(github, h, (body) =>
      expect(body).toEqual({ environment_name: "production", comment: expect.stringContaining("approved so far by @alice") }),
    );
    expectReview(github, h, (body) => expect(body).toMatchObject({ state: "approved" }));
    gh.deployment(501, (body) =>
      expect(body).toMatchObject({
        ref: HEAD_SHA,
        environment: "production",
        payload: { approvals: [{ login: "alice" }, { login: "bob" }] },
      }),
    );

    await pullRequestEvent(h, "opened");
    const [waiting] = await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA });
    await receiveProtectionRequest(h, { sha: HEAD_SHA, ref: "feature/login" });
    await comment(h, { id: 7001, body: "/approve", login: "mallory" });
    await comment(h, { id: 7002, body: "/approve production", login: "octocat" });
    await comment(h, { id: 7003, body: "/approve", login: "alice" });
    const afterOne = deploymentRequests(github).length;
    await comment(h, { id: 7004, body: "/approve", login: "bob" });

    github.done();
    expect(waiting).toMatchObject({ reason: "waiting_for_approval", target: "production" });
    expect(waiting?.message).toBe("production needs 2 approvals of c0ffee0 (`/approve production`); none yet.");
    expect(afterOne).toBe(0);
    expect(deploymentRequests(github)).toHaveLength(1);
    const [refusedReadOnly, refusedAuthor, first, second] = replies(github);
    expect(refusedReadOnly).toContain("@\u200bmallory needs write permission to approve production.");
    expect(refusedAuthor).toContain("@\u200boctocat opened pull request \\#42, and production does not allow self-approval.");
    expect(first).toBe("Approved c0ffee0 for production\\: 1 of 2, 1 more needed.");
    expect(second).toBe("Approved c0ffee0 for production\\: 2 of 2, enough to deploy.");
    const approvals = await h.store.listApprovals(h.repo.id, HEAD_SHA);
    expect(approvals.map((a) => [a.login, a.verdict, a.pr])).toEqual([
      ["alice", "approved", PR],
      ["bob", "approved", PR],
    ]);
    expect(await h.store.listPendingBySha(h.repo.id, HEAD_SHA)).toEqual([]);
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
  });

  it("starts over on a new commit: the earlier head's approval does not count for the new head's deploy", async () => {
    await begin();
    gh.reaction(7001);
    gh.reply(9001);
    gh.permission("alice", "write");

    await pullRequestEvent(h, "opened");
    await comment(h, { id: 7001, body: "/approve", login: "alice" });
    await pullRequestEvent(h, "synchronize", { headSha: NEXT_SHA });

    github.done();
    const [newest] = await h.store.listDecisions(h.repo.id, { sha: NEXT_SHA });
    expect(newest).toMatchObject({ reason: "waiting_for_approval", target: "production" });
    expect(newest?.message).toBe("production needs 2 approvals of beef000 (`/approve production`); none yet.");
    expect((await h.store.listApprovals(h.repo.id, HEAD_SHA)).map((a) => a.login)).toEqual(["alice"]);
    expect(await h.store.listApprovals(h.repo.id, NEXT_SHA)).toEqual([]);
    expect(deploymentRequests(github)).toHaveLength(0);
  });

  it("takes approvals only from the teams `from` lists: a non-member is refused, a member's approval deploys", async () => {
    await begin(CONFIG.replace("required: 2", "required: 1\n      from: [acme/sre]"));
    for (const id of [7001, 7002]) gh.reaction(id);
    for (const id of [9001, 9002]) gh.reply(id);
    gh.teamMembership("acme/sre", "dave", "absent");
    gh.teamMembership("acme/sre", "carol", "active");
    gh.deployment(502);

    await pullRequestEvent(h, "opened");
    await comment(h, { id: 7001, body: "/approve", login: "dave" });
    await comment(h, { id: 7002, body: "/approve", login: "carol" });

    github.done();
    const [refused, approved] = replies(github);
    expect(refused).toContain(
      "@\u200bdave needs to be listed in <code>approvals.from</code> of production to approve production.",
    );
    expect(approved).toBe("Approved c0ffee0 for production\\: 1 of 1, enough to deploy.");
    expect(deploymentRequests(github)).toHaveLength(1);
  });

  it("drops the waiting deploy when an approver rejects the commit, with the reason", async () => {
    await begin();
    gh.reaction(7001);
    gh.reply(9001);
    gh.permission("carol", "write");

    await pullRequestEvent(h, "opened");
    await comment(h, { id: 7001, body: "/reject production not during the sale", login: "carol" });

    github.done();
    expect(replies(github)[0]).toBe(
      "Rejected c0ffee0 for production\\: not during the sale. What waited to deploy it is dropped.",
    );
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]).toMatchObject({
      reason: "approval_rejected",
      message: "@carol rejected c0ffee0 for production: not during the sale; it does not deploy to production.",
    });
    expect(await h.store.listPendingBySha(h.repo.id, HEAD_SHA)).toEqual([]);
    expect(deploymentRequests(github)).toHaveLength(0);
  });

  it("shows in /status and /why who approved the pull request's commit, when, and how many more are needed", async () => {
    await begin(CONFIG.replace("required: 2", "required: 3"));
    for (const id of [7001, 7002, 7003, 7004]) gh.reaction(id);
    for (const id of [9001, 9002, 9003, 9004]) gh.reply(id);
    gh.permission("alice", "write");
    gh.permission("bob", "write");

    await pullRequestEvent(h, "opened");
    await comment(h, { id: 7001, body: "/approve", login: "alice" });
    h.advanceClock(60_000);
    await comment(h, { id: 7002, body: "/approve production", login: "bob" });
    await comment(h, { id: 7003, body: "/status" });
    await comment(h, { id: 7004, body: "/why" });

    github.done();
    const [alice, bob] = await h.store.listApprovals(h.repo.id, HEAD_SHA);
    const [, , status, why] = replies(github);
    const waiting =
      "production needs 3 approvals of c0ffee0 \\(<code>/approve production</code>\\); approved so far by @\u200balice, @\u200bbob.";
    expect(status).toBe(
      [
        "| target | environment | last deployment | waiting |",
        "| --- | --- | --- | --- |",
        `| production | production | none | c0ffee0\\: ${waiting} |`,
        "",
        "Approvals:",
        "",
        "- production, c0ffee0\\: 2 of 3 approvals, 1 more needed \\(<code>/approve production</code>\\).",
        `  - approved by @\u200balice at ${utc(alice?.at)}`,
        `  - approved by @\u200bbob at ${utc(bob?.at)}`,
      ].join("\n"),
    );
    expect(why).toBe(
      [
        "Latest decisions about c0ffee0\\:",
        "",
        `- production\\: waiting\\_for\\_approval — ${waiting}`,
        "- production approvals of c0ffee0\\: 2 of 3 approvals, 1 more needed \\(<code>/approve production</code>\\); " +
          `approved by @\u200balice at ${utc(alice?.at)}; approved by @\u200bbob at ${utc(bob?.at)}`,
      ].join("\n"),
    );
  });

  it("shows in /status who rejected the pull request's commit, why and when, with the approvals before it", async () => {
    await begin();
    for (const id of [7001, 7002, 7003]) gh.reaction(id);
    for (const id of [9001, 9002, 9003]) gh.reply(id);
    gh.permission("alice", "write");
    gh.permission("carol", "write");

    await pullRequestEvent(h, "opened");
    await comment(h, { id: 7001, body: "/approve", login: "alice" });
    h.advanceClock(60_000);
    await comment(h, { id: 7002, body: "/reject production not during the *sale* @bob", login: "carol" });
    await comment(h, { id: 7003, body: "/status" });

    github.done();
    const [alice, carol] = await h.store.listApprovals(h.repo.id, HEAD_SHA);
    const [, , status] = replies(github);
    expect(status).toBe(
      [
        "| target | environment | last deployment | waiting |",
        "| --- | --- | --- | --- |",
        "| production | production | none | — |",
        "",
        "Approvals:",
        "",
        "- production, c0ffee0\\: rejected by @\u200bcarol, it does not deploy.",
        `  - approved by @\u200balice at ${utc(alice?.at)}`,
        `  - rejected by @\u200bcarol at ${utc(carol?.at)}\\: not during the \\*sale\\* @\u200bbob`,
      ].join("\n"),
    );
  });

  it("shows in /status the approvals a held job waits for, not counting the approval of whoever started its run", async () => {
    await begin(CONFIG.replace("auto_deploy_on: pr", "auto_deploy_on: refs/heads/main"));
    for (const id of [7001, 7002, 7003]) gh.reaction(id);
    for (const id of [9001, 9002, 9003]) gh.reply(id);
    gh.permission("dev", "write");
    gh.permission("alice", "write");
    expectReview(github, h, (body) => expect(body).toMatchObject({ comment: expect.stringContaining("none yet") }));
    expectReview(github, h, (body) => expect(body).toMatchObject({ comment: expect.stringContaining("so far by @alice") }));

    await receiveProtectionRequest(h, { sha: HEAD_SHA, ref: "feature/login" });
    await comment(h, { id: 7001, body: "/approve", login: "dev" });
    await comment(h, { id: 7002, body: "/approve", login: "alice" });
    await comment(h, { id: 7003, body: "/status" });

    github.done();
    const [dev, alice] = await h.store.listApprovals(h.repo.id, HEAD_SHA);
    const [, , status] = replies(github);
    const lines = status?.split("\n") ?? [];
    expect(lines.slice(lines.indexOf("Approvals:"))).toEqual([
      "Approvals:",
      "",
      "- production, c0ffee0\\: 1 of 2 approvals, 1 more needed \\(<code>/approve production</code>\\).",
      `  - approved by @\u200bdev at ${utc(dev?.at)} \\(asked for the deploy, not counted\\)`,
      `  - approved by @\u200balice at ${utc(alice?.at)}`,
    ]);
  });
});
