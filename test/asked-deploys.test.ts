import { afterEach, describe, expect, it } from "@jest/globals";
import { createRepoContexts } from "../src/create-repo-contexts.js";
import { createHook } from "../src/hooks/create-hook.js";
import { handleExternalDeploy, handleHookDeploy } from "../src/hooks/handle-hook-deploy.js";
import { KEEP_ASKED_DEPLOYS_MS, sweepOnce } from "../src/start-retry-sweep.js";
import {
  comment,
  deploymentRequests,
  HEAD_SHA,
  pullRequestEvent,
  replies,
  type CommandGitHub,
  harnessWithConfig,
} from "./commands/command-events.js";
import { INSTALLATION_ID, type Harness } from "./helpers/app-harness.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";

const CONFIG = `version: 2
targets:
  production:
    required_contexts: []
    approvals:
      required: 2
`;
const MOVED_SHA = "beef0000000000000000000000000000000000b2";

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

/** Deploys asked for by a command, the admin API (the CLI), a hook or the dashboard wait for the target's approvals, then go once. */
describe.each(STORE_BACKENDS)("asked deploys waiting for approvals, on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;
  let gh: CommandGitHub;

  async function begin(options: { config?: string; headSha?: string; logins?: string[] } = {}): Promise<void> {
    ({ h, gh } = await harnessWithConfig(store(), github, options.config ?? CONFIG, {
      pullRequest: options.headSha === undefined,
    }));
    for (const login of options.logins ?? ["dana", "alice", "bob"]) gh.permission(login, "write");
  }

  // First: the sweep moves a week on, and a deployment an earlier test created would be stuck by then.
  it("forgets a request nobody approved within a week, at the retry sweep", async () => {
    await begin({ logins: ["dana"] });
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy production", login: "dana" });
    await sweepOnce(h.sweepParts);
    const kept = await h.store.listAskedDeploysByRepo(h.repo.id);
    h.advanceClock(KEEP_ASKED_DEPLOYS_MS + 60_000);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(kept.map((a) => a.via)).toEqual(["comment:7001"]);
    expect(await h.store.listAskedDeploysByRepo(h.repo.id)).toEqual([]);
  });

  it("keeps a /deploy until two people approved, then deploys it once as its asker and edits its reply", async () => {
    await begin();
    for (const id of [7001, 7002, 7005, 7003]) gh.reaction(id);
    for (const id of [9001, 9002, 9005, 9003]) gh.reply(id);
    gh.editReply(9001);
    gh.deployment(601, (body) =>
      expect(body).toMatchObject({
        ref: HEAD_SHA,
        environment: "production",
        payload: {
          trigger: "command",
          actor: "dana",
          params: { region: "eu" },
          approvals: [{ login: "alice" }, { login: "bob" }],
        },
      }),
    );

    await comment(h, { id: 7001, body: "/deploy production | region=eu", login: "dana" });
    const kept = await h.store.listAskedDeploys(h.repo.id, HEAD_SHA);
    await comment(h, { id: 7002, body: "/approve", login: "alice" });
    const afterOne = deploymentRequests(github).length;
    await comment(h, { id: 7005, body: "/status", login: "dana" });
    await comment(h, { id: 7003, body: "/approve", login: "bob" });

    github.done();
    expect(kept.map((a) => [a.via, a.target, a.asker.kind])).toEqual([["comment:7001", "production", "command"]]);
    expect(afterOne).toBe(0);
    expect(deploymentRequests(github)).toHaveLength(1);
    const [waiting, first, status, deployed, second] = replies(github);
    expect(status).toContain(
      "| production | production | none | c0ffee0, asked by @\u200bdana in a comment\\: waits for approvals |",
    );
    expect(status).toContain("production, c0ffee0\\: 1 of 2 approvals, 1 more needed");
    expect(status).toContain("approved by @\u200balice at");
    expect(waiting).toBe(
      "**Waiting** (`waiting_for_approval`): production needs 2 approvals of c0ffee0 \\(<code>/approve production</code>\\); none yet. It deploys once approved; <code>\\--force</code> does not replace approvals.",
    );
    expect(first).toBe("Approved c0ffee0 for production\\: 1 of 2, 1 more needed.");
    expect(deployed).toContain(
      "Deployed c0ffee0 \\(refs/heads/feature/login\\) to production\\: deployment 601, by @\u200bdana.",
    );
    expect(second).toBe("Approved c0ffee0 for production\\: 2 of 2, enough to deploy.");
    expect(await h.store.listAskedDeploys(h.repo.id, HEAD_SHA)).toEqual([]);
    const decisions = await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA });
    expect(decisions[0]).toMatchObject({ reason: "deployed", origin: "comment:7001" });
  });

  it("drops a waiting /deploy on a rejection, telling its asker why in the edited reply", async () => {
    await begin({ logins: ["dana", "alice"] });
    for (const id of [7001, 7002]) gh.reaction(id);
    for (const id of [9001, 9002]) gh.reply(id);
    gh.editReply(9001);

    await comment(h, { id: 7001, body: "/deploy production", login: "dana" });
    await comment(h, { id: 7002, body: "/reject production not during the sale", login: "alice" });

    github.done();
    expect(replies(github)[1]).toBe(
      "**Refused** (`approval_rejected`): @\u200balice rejected c0ffee0 for production\\: not during the sale.",
    );
    expect(deploymentRequests(github)).toHaveLength(0);
    expect(await h.store.listAskedDeploysByRepo(h.repo.id)).toEqual([]);
  });

  it("ends a /deploy of a pull request's head that moved while it waited, at the next approval", async () => {
    await begin({ headSha: MOVED_SHA, logins: ["dana", "alice"] });
    for (const id of [7001, 7002]) gh.reaction(id);
    for (const id of [9001, 9002]) gh.reply(id);
    gh.editReply(9001);
    gh.pullRequest();
    gh.pullRequest({ headSha: MOVED_SHA });
    gh.pullRequest({ headSha: MOVED_SHA });

    await comment(h, { id: 7001, body: "/deploy production", login: "dana" });
    await comment(h, { id: 7002, body: "/approve", login: "alice" });

    github.done();
    expect(replies(github)[1]).toBe(
      "**Refused** (`head_moved`): The pull request's head moved to beef000 after this comment; comment again to deploy it.",
    );
    expect(deploymentRequests(github)).toHaveLength(0);
    expect(await h.store.listAskedDeploysByRepo(h.repo.id)).toEqual([]);
  });

  it("answers the admin API (the CLI) 202 waiting, the same request again keeps one, and deploys it once approved", async () => {
    await begin({ logins: ["alice", "bob"] });
    for (const id of [7001, 7002]) gh.reaction(id);
    for (const id of [9001, 9002]) gh.reply(id);
    gh.commit(HEAD_SHA, HEAD_SHA);
    gh.commit(HEAD_SHA, HEAD_SHA);
    gh.deployment(602, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, payload: { trigger: "admin" } }));
    const deps = await createRepoContexts(h.probot, h.parts)(
      { repo: h.repo, installationId: INSTALLATION_ID },
      { log: h.probot.log, origin: null },
    );
    const ask = () =>
      handleExternalDeploy(deps, {
        requester: { kind: "admin" },
        request: { kind: "commit", ref: HEAD_SHA, sha: undefined },
        target: "production",
        requestId: "release-7",
        body: "",
      });

    const first = await ask();
    const again = await ask();
    await comment(h, { id: 7001, body: "/approve", login: "alice" });
    await comment(h, { id: 7002, body: "/approve", login: "bob" });

    github.done();
    expect(first.status).toBe(202);
    expect(first.body).toEqual({
      status: "waiting",
      reason: "waiting_for_approval",
      sha: HEAD_SHA,
      environment: "production",
      target: "production",
      message: "production needs 2 approvals of c0ffee0 (`/approve production`); none yet. It deploys once approved.",
    });
    expect(again.status).toBe(202);
    expect(deploymentRequests(github)).toHaveLength(1);
    expect((await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA }))[0]).toMatchObject({
      reason: "deployed",
      origin: "admin:release-7",
    });
    expect(await h.store.listAskedDeploysByRepo(h.repo.id)).toEqual([]);
  });

  it("keeps a hook's request with the image and tag it announced, and deploys them once approved", async () => {
    await begin({
      config: CONFIG.replace("required_contexts: []", "hooks: [registry]\n    required_contexts: []"),
      logins: ["alice", "bob"],
    });
    for (const id of [7001, 7002]) gh.reaction(id);
    for (const id of [9001, 9002]) gh.reply(id);
    gh.commit("v7", HEAD_SHA);
    gh.deployment(604, (body) =>
      expect(body).toMatchObject({
        ref: HEAD_SHA,
        payload: {
          trigger: "hook",
          hook: "registry",
          image: "acme/shop",
          tag: "v7",
          approvals: [{ login: "alice" }, { login: "bob" }],
        },
      }),
    );
    const input = {
      repoId: h.repo.id,
      owner: h.repo.owner,
      repo: h.repo.name,
      installationId: INSTALLATION_ID,
      name: "registry",
    };
    const { hook } = await createHook(h.store, input, new Date());
    const deps = await createRepoContexts(h.probot, h.parts)(
      { repo: h.repo, installationId: INSTALLATION_ID },
      { log: h.probot.log, origin: null },
    );

    const answer = await handleHookDeploy(deps, {
      hook,
      request: { kind: "docker_hub", image: "acme/shop", tag: "v7" },
      target: undefined,
      requestId: "push-7",
      body: "",
    });
    const kept = await h.store.listAskedDeploysByRepo(h.repo.id);
    await comment(h, { id: 7001, body: "/approve", login: "alice" });
    await comment(h, { id: 7002, body: "/approve", login: "bob" });

    github.done();
    expect(answer).toMatchObject({ status: 202, body: { status: "waiting", reason: "waiting_for_approval" } });
    expect(kept.map((a) => a.asker)).toEqual([{ kind: "hook", name: "registry", image: "acme/shop", tag: "v7" }]);
    expect(deploymentRequests(github)).toHaveLength(1);
  });

  it("deploys a commit once when its auto-deploy and a /deploy both waited for the same approvals", async () => {
    await begin({ config: CONFIG.replace("required_contexts: []", "auto_deploy_on: pr\n    required_contexts: []") });
    for (const id of [7001, 7002, 7003]) gh.reaction(id);
    for (const id of [9001, 9002, 9003]) gh.reply(id);
    gh.editReply(9001);
    gh.deployment(603, (body) => expect(body).toMatchObject({ payload: { trigger: "pull_request" } }));

    await pullRequestEvent(h, "opened");
    await comment(h, { id: 7001, body: "/deploy production", login: "dana" });
    await comment(h, { id: 7002, body: "/approve", login: "alice" });
    await comment(h, { id: 7003, body: "/approve", login: "bob" });

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(replies(github)[2]).toBe(
      "c0ffee0 went to production while this request waited \\(deployment 603\\); it is not deployed again.",
    );
  });
});
