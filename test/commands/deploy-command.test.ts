import { describe, expect, it } from "@jest/globals";
import { apiCalls, status } from "../config/config-events.js";
import type { Harness } from "../helpers/app-harness.js";
import { IDEMPOTENCY_KEY } from "../helpers/github-responses.js";
import { hasClaimOrDeployment } from "../store/store-fixtures.js";
import {
  comment,
  deploymentRequests,
  HEAD_SHA,
  onlyReply,
  PR,
  refusedFor,
  replies,
  useCommandTests,
  type CommandGitHub,
} from "./command-events.js";

const MAIN_SHA = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

const CONFIG = `version: 2
targets:
  production:
    required_contexts: [ci/test]
    production_environment: true
  staging:
    environment: staging
    required_contexts: []
`;

const WITH_DEFAULT = `${CONFIG}default_target: staging
`;

describe("/deploy and /noop in pull request comments", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;
  let h: Harness;
  let gh: CommandGitHub;

  const begin = async () => void ({ h, gh } = await commandTests.begin());
  const greenChecks = (sha = HEAD_SHA) => status(h, { sha, context: "ci/test", state: "success", id: 11 });

  it("reacts 👀 first, then deploys the head SHA a writer asked for once checks are green, and replies once with the id", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.deployment(601, (body) =>
      expect(body).toEqual({
        ref: HEAD_SHA,
        task: "deploy",
        auto_merge: false,
        required_contexts: ["ci/test"],
        payload: {
          target: "production",
          ref: "refs/heads/feature/login",
          sha: HEAD_SHA,
          pr: PR,
          trigger: "command",
          params: { version: "1.2 beta", canary: "10" },
          actor: "alice",
          idempotency_key: IDEMPOTENCY_KEY,
        },
        environment: "production",
        description: "",
        transient_environment: false,
        production_environment: true,
      }),
    );
    gh.reply(9001);
    await greenChecks();

    await comment(h, { id: 7001, body: '/deploy production | version="1.2 beta" canary=10' });

    github.done();
    const calls = apiCalls(github.requests);
    expect(calls.slice(0, 2)).toEqual([
      `GET ${h.api}/contents/.github%2Fdeploy.yml`,
      `POST ${h.api}/issues/comments/7001/reactions`,
    ]);
    // Asked at the same time: who the author is, and where the pull request's head is.
    expect(calls.slice(2, 4).sort()).toEqual([`GET ${h.api}/collaborators/alice/permission`, `GET ${h.api}/pulls/${PR}`]);
    expect(calls.slice(4)).toEqual([`POST ${h.api}/deployments`, `POST ${h.api}/issues/${PR}/comments`]);
    expect(onlyReply(github)).toBe(
      "Deployed c0ffee0 \\(refs/heads/feature/login\\) to production\\: deployment 601, by @\u200balice.\n\n" +
        "[The deployments of production](https://github.com/Codertocat/Hello-World/deployments/production)",
    );
    expect(await h.store.findCommandReply(h.repo.id, 7001)).toBe(9001);
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]).toMatchObject({ reason: "deployed", pr: PR });
    expect(await h.store.listDeployments(h.repo.id, "production")).toMatchObject([
      { id: 601, sha: HEAD_SHA, pr: PR, creator: "alice", trigger: "command", lifecycle: "created" },
    ]);
  });

  it("deploys the default_target when /deploy names no target", async () => {
    await begin();
    gh.config(WITH_DEFAULT);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.deployment(602, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, environment: "staging", payload: { params: {} } }));
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy" });

    github.done();
    expect(onlyReply(github)).toContain("to staging\\: deployment 602");
  });

  it("answers /deploy without a target, and no default_target, with the repository's targets, at 3 calls", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("invalid_command"));
    expect(reply).toContain(
      "Name a target\\: this repository has production, staging \\(and no <code>default\\_target</code>\\).",
    );
    expect(github.rateLimitedCount()).toBe(3);
  });

  it("answers an unknown target with the repository's targets and deploys nothing", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy prod" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("invalid_command"));
    expect(reply).toContain("There is no target prod; this repository has production, staging.");
    expect(deploymentRequests(github)).toEqual([]);
  });

  it("deploys another ref named in the command: resolved to its commit, whose checks are the gate", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.commit("main", MAIN_SHA);
    gh.deployment(603, (body) =>
      expect(body).toMatchObject({ ref: MAIN_SHA, environment: "production", payload: { ref: "main", sha: MAIN_SHA } }),
    );
    gh.reply(9001);
    await greenChecks(MAIN_SHA);

    await comment(h, { id: 7001, body: "/deploy production main" });

    github.done();
    expect(onlyReply(github)).toContain("Deployed a1b2c3d \\(main\\) to production\\: deployment 603, by @\u200balice.");
  });

  it("refuses a ref that does not exist", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    github.expect("GET", `${h.api}/commits/no-such-branch`, { status: 404, body: { message: "Not Found" } });
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy production no-such-branch" });

    github.done();
    expect(onlyReply(github)).toContain("There is no branch, tag or commit no-such-branch here.");
    expect(deploymentRequests(github)).toEqual([]);
  });

  it("replies with GitHub's 409, releases the comment's claim, and a later /deploy comment deploys", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.pullRequest();
    const conflict = {
      message: "Conflict: Commit status checks failed for feature/login.",
      documentation_url: "https://docs.github.com",
    };
    github.expect("POST", `${h.api}/deployments`, { status: 409, body: conflict });
    gh.deployment(604);
    gh.reply(9001);
    gh.reply(9002);
    await greenChecks();

    await comment(h, { id: 7001, body: "/deploy production" });
    const claimedAfterConflict = await hasClaimOrDeployment(h.store, h.repo.id, "production", HEAD_SHA);
    await comment(h, { id: 7002, body: "/deploy production" });

    github.done();
    expect(claimedAfterConflict).toBe(false);
    const [refused, deployed] = replies(github);
    expect(refused).toContain(refusedFor("waiting_for_checks"));
    expect(refused).toContain(
      "GitHub did not create the deployment\\: Conflict\\: Commit status checks failed for feature/login.",
    );
    expect(refused).toContain("Comment again to retry.");
    expect(deployed).toContain("deployment 604");
    expect(deploymentRequests(github)).toHaveLength(2);
  });

  it("does nothing for a redelivered command (the same delivery id)", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.deployment(605);
    gh.reply(9001);
    await greenChecks();
    const event = await comment(h, { id: 7001, body: "/deploy production" });
    const requestsBefore = github.requests.length;

    await h.deliver(event);

    github.done();
    expect(github.requests).toHaveLength(requestsBefore);
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(replies(github)).toHaveLength(1);
  });

  it("deploys the same commit again for another comment: commands may redeploy", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write"); // cached for the second comment
    gh.pullRequest();
    gh.pullRequest();
    gh.deployment(606);
    gh.deployment(607);
    gh.reply(9001);
    gh.reply(9002);
    await greenChecks();

    await comment(h, { id: 7001, body: "/deploy production" });
    await comment(h, { id: 7002, body: "/deploy production" });

    github.done();
    expect(deploymentRequests(github).map((body) => body["ref"])).toEqual([HEAD_SHA, HEAD_SHA]);
    const [first, second] = replies(github);
    expect(first).toContain("deployment 606");
    expect(second).toContain("deployment 607");
    expect(await h.store.listDeployments(h.repo.id, "production")).toHaveLength(2);
  });

  it("answers /noop with what /deploy would do, and creates no deployment", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.reply(9001);
    await greenChecks();

    await comment(h, { id: 7001, body: "/noop production" });

    github.done();
    expect(onlyReply(github)).toBe(
      "Dry run\\: /deploy would deploy c0ffee0 \\(refs/heads/feature/login\\) to production. Nothing was created.",
    );
    expect(deploymentRequests(github)).toEqual([]);
    expect(await hasClaimOrDeployment(h.store, h.repo.id, "production", HEAD_SHA)).toBe(false);
  });
});
