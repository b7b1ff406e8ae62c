import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../../src/start-retry-sweep.js";
import { apiCalls, push } from "../config/config-events.js";
import type { Harness } from "../helpers/app-harness.js";
import {
  comment,
  deploymentRequests,
  PR,
  pullRequestEvent,
  refusedFor,
  replies,
  useCommandTests,
  type CommandGitHub,
} from "./command-events.js";

const MAIN_SHA = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
const OTHER_PR = 43;
const HOUR = 3_600_000;

const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
  staging:
    environment: staging
    required_contexts: []
`;

/** What `/lock` and `/locks` say a lock does, as a reply renders it. */
const LOCK_RULE =
  "Until <code>/unlock</code>, only the owner's own deploys and the auto-deploys of the pull request the lock was taken from go through\\: everyone else's commands, hooks and CLI deploys are refused, other auto-deploys wait. An admin may <code>/unlock</code> it, or deploy past it with <code>\\--force</code>.";

/** An instant as a reply shows it: ISO 8601, its colons escaped. */
const shown = (date: Date | null | undefined) => (date ?? new Date(0)).toISOString().replaceAll(":", "\\:");

describe("/lock, /unlock and /locks", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;
  let h: Harness;
  let gh: CommandGitHub;

  const begin = async () => void ({ h, gh } = await commandTests.begin());
  const pushMain = () => push(h, { ref: "refs/heads/main", sha: MAIN_SHA });
  const mainDecision = async () => (await h.store.listDecisions(h.repo.id, { sha: MAIN_SHA }))[0];
  const expectAutoDeploy = (id: number) =>
    gh.deployment(id, (body) =>
      expect(body).toMatchObject({ ref: MAIN_SHA, environment: "production", payload: { trigger: "push", pr: null } }),
    );

  it("locks with a reason and an expiry, and /locks lists owner, pull request, reason and expiry", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.reply(9001);
    gh.reply(9002, { pr: OTHER_PR });

    await comment(h, { id: 7001, body: '/lock production --reason "release freeze" --for 2h' });
    await comment(h, { id: 7002, body: "/locks", login: "bob", pr: OTHER_PR });

    github.done();
    const [lock] = await h.store.listLocks(h.repo.id, h.parts.now());
    expect(lock).toMatchObject({ environment: "production", owner: "alice", pr: PR, reason: "release freeze" });
    expect((lock?.expiresAt?.getTime() ?? 0) - (lock?.createdAt.getTime() ?? 0)).toBe(2 * HOUR);
    const described = `production is locked by @\u200balice from \\#42 since ${shown(lock?.createdAt)} until ${shown(lock?.expiresAt)} \\(release freeze\\)`;
    const [locked, listed] = replies(github);
    expect(locked).toBe(`Locked\\: ${described}. ${LOCK_RULE}`);
    expect(listed).toBe(`Locks in force:\n\n- ${described}\n\n${LOCK_RULE}`);
    expect(apiCalls(github.requests).filter((call) => call.includes("/permission"))).toHaveLength(1);
  });

  it("refuses a --for so long that its expiry is no date, instead of failing without a reply", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/lock production --for 99999999d" });

    github.done();
    const [reply] = replies(github);
    expect(reply).toContain(refusedFor("invalid_command"));
    expect(reply).toContain("--for is too long");
    expect(await h.store.listLocks(h.repo.id, h.parts.now())).toEqual([]);
  });

  it("refuses everyone else's /deploy, on the locking pull request too, naming owner, reason and expiry; the owner's own deploy passes", async () => {
    await begin();
    gh.config(CONFIG, 4);
    for (const id of [7001, 7002, 7003, 7004]) gh.reaction(id);
    gh.permission("alice", "write");
    gh.permission("bob", "write");
    gh.pullRequest();
    gh.pullRequest({ number: OTHER_PR });
    gh.pullRequest({ number: OTHER_PR });
    gh.deployment(621, (body) =>
      expect(body).toMatchObject({ environment: "production", payload: { pr: OTHER_PR, actor: "alice" } }),
    );
    gh.reply(9001);
    gh.reply(9002);
    gh.reply(9003, { pr: OTHER_PR });
    gh.reply(9004, { pr: OTHER_PR });

    await comment(h, { id: 7001, body: '/lock production --reason "db migration" --for 2h' });
    await comment(h, { id: 7002, body: "/deploy production", login: "bob" });
    await comment(h, { id: 7003, body: "/deploy production", login: "bob", pr: OTHER_PR });
    await comment(h, { id: 7004, body: "/deploy production", login: "alice", pr: OTHER_PR });

    github.done();
    const [lock] = await h.store.listLocks(h.repo.id, h.parts.now());
    const refusal = `**Refused** ${refusedFor("locked")}production is locked by @\u200balice \\(db migration\\) until ${shown(lock?.expiresAt)}. Only @\u200balice's own deploys pass it; @\u200balice or an admin may <code>/unlock</code> it, and an admin may deploy past it with <code>\\--force</code>.`;
    const [, onLockingPr, onOtherPr, owners] = replies(github);
    expect(onLockingPr).toBe(refusal);
    expect(onOtherPr).toBe(refusal);
    expect(owners).toContain("deployment 621, by @\u200balice.");
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(await h.store.listDecisions(h.repo.id, { target: "production", limit: 3 })).toMatchObject([
      { reason: "deployed", pr: OTHER_PR },
      { reason: "locked", pr: OTHER_PR },
      { reason: "locked", pr: PR },
    ]);
  });

  it("lets an admin's --force deploy past someone else's lock, saying so; the lock stays", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.reaction(7003);
    gh.permission("alice", "write");
    gh.permission("carol", "admin");
    gh.permission("bob", "write");
    gh.pullRequest({ number: OTHER_PR });
    gh.pullRequest({ number: OTHER_PR });
    gh.deployment(622, (body) => expect(body).toMatchObject({ environment: "production", required_contexts: [] }));
    gh.reply(9001);
    gh.reply(9002, { pr: OTHER_PR });
    gh.reply(9003, { pr: OTHER_PR });
    await comment(h, { id: 7001, body: '/lock production --reason "db migration"' });

    await comment(h, { id: 7002, body: "/deploy production --force", login: "carol", pr: OTHER_PR });
    await comment(h, { id: 7003, body: "/deploy production --force", login: "bob", pr: OTHER_PR });

    github.done();
    const [, forced, refused] = replies(github);
    expect(forced).toContain("deployment 622, by @\u200bcarol.");
    expect(forced).toContain(
      "production is locked by @\u200balice \\(db migration\\)\\: --force deployed past it; the lock stays.",
    );
    expect(refused).toContain(
      `${refusedFor("not_permitted")}\\--force deploys past the checks and locks and is for repository admins only.`,
    );
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(await h.store.listLocks(h.repo.id, h.parts.now())).toMatchObject([{ environment: "production", owner: "alice" }]);
  });

  it("lets the auto-deploys of the pull request the lock was taken from through; another pull request's wait", async () => {
    const sharedPreview = `version: 2
targets:
  preview:
    auto_deploy_on: pr
    environment: preview
    required_contexts: []
`;
    await begin();
    gh.config(sharedPreview, 3);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.reply(9001);
    gh.deployment(631, (body) => expect(body).toMatchObject({ environment: "preview", payload: { pr: PR } }));
    await comment(h, { id: 7001, body: "/lock preview" });

    await pullRequestEvent(h, "synchronize");
    await pullRequestEvent(h, "synchronize", { number: OTHER_PR, headSha: MAIN_SHA, headRef: "feature/other" });

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
    expect((await h.store.listDecisions(h.repo.id, { sha: MAIN_SHA }))[0]).toMatchObject({
      reason: "locked",
      pr: OTHER_PR,
      message: expect.stringContaining("preview is locked by @alice"),
    });
  });

  it("keeps an auto-deploy that meets a lock waiting (locked), and fires it at once when the owner unlocks", async () => {
    await begin();
    gh.config(CONFIG, 4);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    expectAutoDeploy(622);
    gh.reply(9001);
    gh.reply(9002);
    await comment(h, { id: 7001, body: "/lock production" });

    await pushMain();
    const whileLocked = { decision: await mainDecision(), deployments: deploymentRequests(github).length };
    await comment(h, { id: 7002, body: "/unlock production" });

    github.done();
    expect(whileLocked.deployments).toBe(0);
    expect(whileLocked.decision).toMatchObject({ reason: "locked", target: "production" });
    expect(whileLocked.decision?.message).toContain("production is locked by @alice");
    const calls = apiCalls(github.requests);
    expect(calls.indexOf(`POST ${h.api}/deployments`)).toBeLessThan(calls.lastIndexOf(`POST ${h.api}/issues/${PR}/comments`));
    expect(replies(github)[1]).toBe("Unlocked production.");
    expect(await mainDecision()).toMatchObject({ reason: "deployed" });
    expect(await h.store.listLocks(h.repo.id, h.parts.now())).toEqual([]);
  });

  it("refuses /unlock by another writer, and lets an admin break the lock", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.reaction(7003);
    gh.permission("alice", "write");
    gh.permission("bob", "write");
    gh.permission("carol", "admin");
    gh.reply(9001);
    gh.reply(9002, { pr: OTHER_PR });
    gh.reply(9003, { pr: OTHER_PR });

    await comment(h, { id: 7001, body: "/lock production" });
    await comment(h, { id: 7002, body: "/unlock production", login: "bob", pr: OTHER_PR });
    const afterRefusal = await h.store.listLocks(h.repo.id, h.parts.now());
    await comment(h, { id: 7003, body: "/unlock production", login: "carol", pr: OTHER_PR });

    github.done();
    const [, refused, broken] = replies(github);
    expect(refused).toContain(refusedFor("not_permitted"));
    expect(refused).toContain("production is locked by @\u200balice from \\#42");
    expect(refused).toContain("only they or an admin may unlock it.");
    expect(afterRefusal).toMatchObject([{ environment: "production", owner: "alice" }]);
    expect(broken).toBe("Unlocked production \\(locked by @\u200balice\\).");
    expect(await h.store.listLocks(h.repo.id, h.parts.now())).toEqual([]);
  });

  it("blocks every target with /lock --global: commands and auto-deploys alike", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.permission("bob", "write");
    gh.pullRequest({ number: OTHER_PR });
    gh.reply(9001);
    gh.reply(9002, { pr: OTHER_PR });

    await comment(h, { id: 7001, body: "/lock --global" });
    await comment(h, { id: 7002, body: "/deploy staging", login: "bob", pr: OTHER_PR });
    await pushMain();

    github.done();
    const [locked, refused] = replies(github);
    expect(locked).toContain("Locked\\: Every environment is locked by @\u200balice from \\#42");
    expect(refused).toContain(refusedFor("locked"));
    expect(refused).toContain("Every environment is locked by @\u200balice.");
    expect(await mainDecision()).toMatchObject({ reason: "locked", target: "production" });
    expect(deploymentRequests(github)).toEqual([]);
  });

  it("lets a lock expire: the next sweep releases it and the waiting auto-deploy goes ahead", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.permission("alice", "write");
    expectAutoDeploy(623);
    gh.reply(9001);
    await comment(h, { id: 7001, body: "/lock production --for 1h" });
    await pushMain();
    const sweptBeforeExpiry = await sweepOnce(h.sweepParts);

    h.advanceClock(2 * HOUR);
    const swept = await sweepOnce(h.sweepParts);

    github.done();
    expect(sweptBeforeExpiry).toBe(0);
    expect(swept).toBe(1);
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(await mainDecision()).toMatchObject({ reason: "deployed" });
  });

  it("releases the locks a pull request took when it closes, and the waiting deploy fires", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.permission("alice", "write");
    expectAutoDeploy(624);
    gh.reply(9001);
    await comment(h, { id: 7001, body: "/lock production" });
    await pushMain();

    await pullRequestEvent(h, "closed");

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(await mainDecision()).toMatchObject({ reason: "deployed" });
    expect(await h.store.listLocks(h.repo.id, h.parts.now())).toEqual([]);
  });
});
