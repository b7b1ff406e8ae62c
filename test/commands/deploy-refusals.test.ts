import { describe, expect, it } from "@jest/globals";
import { status } from "../config/config-events.js";
import type { Harness } from "../helpers/app-harness.js";
import {
  comment,
  deploymentRequests,
  HEAD_SHA,
  onlyReply,
  PR,
  pullRequestEvent,
  refusedFor,
  replies,
  useCommandTests,
  type CommandGitHub,
} from "./command-events.js";

const CONFIG = `version: 2
targets:
  production:
    required_contexts: [ci/test]
  staging:
    environment: staging
    required_contexts: []
    deployers: [alice, acme/deployers]
  review:
    environment: pr-\${{ pr }}
    required_contexts: []
    allow_forks: true
  ready:
    environment: ready
    required_contexts: []
    allow_drafts: false
`;

describe("/deploy refusals: who, which pull request, which checks", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;
  let h: Harness;
  let gh: CommandGitHub;

  const begin = async () => void ({ h, gh } = await commandTests.begin());
  const check = (state: "success" | "failure" | "pending") => status(h, { sha: HEAD_SHA, context: "ci/test", state, id: 21 });
  const latestDecision = async () => (await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0];

  describe("--force", () => {
    it("deploys past a failing check for a repository admin, sending required_contexts: []", async () => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.permission("carol", "admin");
      gh.pullRequest();
      gh.deployment(611, (body) =>
        expect(body).toMatchObject({ ref: HEAD_SHA, environment: "production", required_contexts: [] }),
      );
      gh.reply(9001);
      await check("failure");

      await comment(h, { id: 7001, body: "/deploy production --force", login: "carol" });

      github.done();
      expect(onlyReply(github)).toContain("to production\\: deployment 611, by @\u200bcarol.");
    });

    it("is refused for a writer (not_permitted): nothing is created", async () => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.permission("bob", "write");
      gh.pullRequest();
      gh.reply(9001);
      await check("failure");

      await comment(h, { id: 7001, body: "/deploy production --force", login: "bob" });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain(refusedFor("not_permitted"));
      expect(reply).toContain("--force deploys past the checks and locks and is for repository admins only.");
      expect(deploymentRequests(github)).toEqual([]);
      expect(await latestDecision()).toMatchObject({ reason: "not_permitted", target: "production", pr: PR });
    });
  });

  it("refuses a reader, even with green checks", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("dave", "read");
    gh.pullRequest();
    gh.reply(9001);
    await check("success");

    await comment(h, { id: 7001, body: "/deploy production", login: "dave" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("not_permitted"));
    expect(reply).toContain("@\u200bdave needs write permission to deploy production.");
    expect(deploymentRequests(github)).toEqual([]);
  });

  describe("deployers", () => {
    it("lets a listed login deploy without asking any team, even with read permission", async () => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.permission("alice", "read");
      gh.pullRequest();
      gh.deployment(612, (body) => expect(body).toMatchObject({ environment: "staging", payload: { actor: "alice" } }));
      gh.reply(9001);

      await comment(h, { id: 7001, body: "/deploy staging", login: "alice" });

      github.done();
      expect(onlyReply(github)).toContain("deployment 612");
      expect(github.requests.some((r) => r.path.startsWith("/orgs/"))).toBe(false);
    });

    it.each(["absent", "pending"] as const)("refuses an unlisted writer whose team membership is %s", async (membership) => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.permission("bob", "write");
      gh.teamMembership("acme/deployers", "bob", membership);
      gh.pullRequest();
      gh.reply(9001);

      await comment(h, { id: 7001, body: "/deploy staging", login: "bob" });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain(refusedFor("not_permitted"));
      expect(reply).toContain("@\u200bbob needs to be listed in <code>deployers</code> of staging to deploy staging.");
      expect(deploymentRequests(github)).toEqual([]);
    });

    it("lets a member of a listed team deploy, asking GitHub about the membership once for two commands", async () => {
      await begin();
      gh.config(CONFIG, 2);
      gh.reaction(7001);
      gh.reaction(7002);
      gh.permission("erin", "write");
      gh.teamMembership("acme/deployers", "erin", "active");
      gh.pullRequest();
      gh.pullRequest();
      gh.deployment(613);
      gh.deployment(614);
      gh.reply(9001);
      gh.reply(9002);

      await comment(h, { id: 7001, body: "/deploy staging", login: "erin" });
      await comment(h, { id: 7002, body: "/deploy staging", login: "erin" });

      github.done();
      expect(github.requests.filter((r) => r.path === "/orgs/acme/teams/deployers/memberships/erin")).toHaveLength(1);
      expect(deploymentRequests(github)).toHaveLength(2);
    });
  });

  it("refuses a pull request from a fork, unless the target sets allow_forks", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.pullRequest({ headRepoId: 1 });
    gh.pullRequest({ headRepoId: 1 });
    gh.deployment(615, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, environment: "pr-42" }));
    gh.reply(9001);
    gh.reply(9002);
    await check("success");

    await comment(h, { id: 7001, body: "/deploy production" });
    await comment(h, { id: 7002, body: "/deploy review" });

    github.done();
    const [refused, deployed] = replies(github);
    expect(refused).toContain(refusedFor("not_permitted"));
    expect(refused).toContain("production does not deploy pull requests from forks.");
    expect(deployed).toContain("to pr-42\\: deployment 615");
  });

  it("refuses a draft pull request for a target with allow_drafts: false; others deploy drafts", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.pullRequest({ draft: true });
    gh.pullRequest({ draft: true });
    gh.deployment(616, (body) => expect(body).toMatchObject({ environment: "pr-42" }));
    gh.reply(9001);
    gh.reply(9002);

    await comment(h, { id: 7001, body: "/deploy ready" });
    await comment(h, { id: 7002, body: "/deploy review" });

    github.done();
    const [refused, deployed] = replies(github);
    expect(refused).toContain(refusedFor("not_permitted"));
    expect(refused).toContain("ready does not deploy draft pull requests.");
    expect(deployed).toContain("deployment 616");
  });

  it.each([
    { label: "failed", state: "failure", reason: "checks_failed", sentence: "ci/test failed on c0ffee0." },
    {
      label: "pending",
      state: "pending",
      reason: "waiting_for_checks",
      sentence: "Waiting for ci/test on c0ffee0; comment again once green.",
    },
    {
      label: "not reported",
      state: undefined,
      reason: "waiting_for_checks",
      sentence: "Waiting for ci/test on c0ffee0; comment again once green.",
    },
  ] as const)("refuses when the required check is $label, with the reason $reason", async ({ state, reason, sentence }) => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.reply(9001);
    if (state !== undefined) await check(state);

    await comment(h, { id: 7001, body: "/deploy production" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor(reason));
    expect(reply).toContain(sentence);
    expect(deploymentRequests(github)).toEqual([]);
    expect(await latestDecision()).toMatchObject({ reason, target: "production" });
  });

  it("refuses with head_moved when the head changed after the comment; a comment written after it deploys", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.pullRequest();
    gh.deployment(617, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, environment: "staging" }));
    gh.reply(9001);
    gh.reply(9002);
    await pullRequestEvent(h, "synchronize", { updatedAt: "2026-11-23T10:05:00Z" });

    await comment(h, { id: 7001, body: "/deploy staging", createdAt: "2026-11-23T10:00:00Z" });
    await comment(h, { id: 7002, body: "/deploy staging", createdAt: "2026-11-23T10:06:00Z" });

    github.done();
    const [moved, deployed] = replies(github);
    expect(moved).toContain(refusedFor("head_moved"));
    expect(moved).toContain("The pull request's head moved to c0ffee0 after this comment; comment again to deploy it.");
    expect(deployed).toContain("deployment 617");
    expect(deploymentRequests(github)).toHaveLength(1);
  });
});
