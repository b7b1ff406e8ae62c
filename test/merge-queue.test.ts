import { afterEach, describe, expect, it } from "@jest/globals";
import { createHarness, INSTALLATION_ID, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";
import { comment, commandGitHub, PR, replies } from "./commands/command-events.js";

const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
// `refs/heads/*` matches the queue's temporary branches too: they must still never deploy.
const COALESCE = ["production:", "  auto_deploy_on: refs/heads/*", "  required_contexts: [ci/test]", "  coalesce: true", ""].join(
  "\n",
);
const PREVIEW = [
  "production:",
  "  auto_deploy_on: refs/heads/main",
  "  required_contexts: [ci/test, ci/deploy-preview]",
  "",
].join("\n");

/** The merge group commit of the `n`th merge (what lands on main when it merges). */
const groupSha = (n: number) => `${String(n).repeat(7)}${"0".repeat(33)}`;
const queueRef = (pr: number, n: number) => `refs/heads/gh-readonly-queue/main/pr-${pr}-${"f".repeat(39)}${n}`;

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

describe.each(STORE_BACKENDS)("a merge queue, on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;
  const start = () => createHarness(store(), github);

  const mergeGroup = (n: number, pr: number, action: "checks_requested" | "destroyed") =>
    h.receive("merge_group", {
      edit: (p) => {
        Object.assign(p, action === "destroyed" ? { action, reason: "merged" } : { action });
        Object.assign(p.merge_group, { head_sha: groupSha(n), head_ref: queueRef(pr, n), base_ref: "refs/heads/main" });
      },
    });
  const status = (sha: string, context = "ci/test") =>
    h.receive("status", { edit: (p) => Object.assign(p, { sha, context, state: "success", id: Date.now() }) });
  const push = (ref: string, sha: string) =>
    h.receive("push", { edit: (p) => Object.assign(p, { ref, after: sha, deleted: false, commits: [] }) });
  const deploys = () => github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"));

  it("deploys five merges in a minute once: the newest, the others superseded", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_URL, { status: 200, body: COALESCE, headers: { etag: '"v1"' } });
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"v1"', persist: true });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(501) }, (body) =>
      expect(body).toMatchObject({ ref: groupSha(5), environment: "production" }),
    );
    for (const n of [1, 2, 3, 4, 5]) {
      await mergeGroup(n, 100 + n, "checks_requested");
      await push(queueRef(100 + n, n), groupSha(n));
      await status(groupSha(n));
    }
    // Merge groups, their branches and their checks cost GitHub nothing.
    const beforeLanding = github.requests.length;

    for (const n of [1, 2, 3, 4, 5]) {
      await push("refs/heads/main", groupSha(n));
      h.advanceClock(5_000);
    }
    const heldWhileQueued = deploys().length;
    for (const n of [1, 2, 3, 4, 5]) await mergeGroup(n, 100 + n, "destroyed");

    github.done();
    expect(beforeLanding).toBe(0);
    expect(heldWhileQueued).toBe(0);
    expect(deploys()).toHaveLength(1);
    for (const n of [1, 2, 3, 4]) {
      const [latest] = await h.store.listDecisions(h.repo.id, { sha: groupSha(n) });
      expect(latest).toMatchObject({ reason: "superseded", target: "production" });
    }
    const [newest, held] = await h.store.listDecisions(h.repo.id, { sha: groupSha(5) });
    expect(newest).toMatchObject({ reason: "deployed" });
    expect(held).toMatchObject({ reason: "waiting_for_merge_queue" });
    expect(held?.message).toMatch(
      /^1 merge group is still in the merge queue for refs\/heads\/main; 5555555 deploys to production/,
    );
    expect(await h.store.listPendingByRef(h.repo.id, "refs/heads/main")).toEqual([]);
  });

  it("records a held commit's unchanged waiting decision once, however many times a group is destroyed", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_URL, { status: 200, body: COALESCE, persist: true });
    await mergeGroup(1, 101, "checks_requested");
    await mergeGroup(2, 102, "checks_requested");
    await status(groupSha(1));
    await push("refs/heads/main", groupSha(1));
    const held = await h.store.listDecisions(h.repo.id, { sha: groupSha(1) });

    await mergeGroup(1, 101, "destroyed");
    const afterFirst = await h.store.listDecisions(h.repo.id, { sha: groupSha(1) });
    await mergeGroup(1, 101, "destroyed");

    github.done();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ reason: "waiting_for_merge_queue", target: "production" });
    expect(held[0]?.message).toMatch(/^1 merge group is still in the merge queue for refs\/heads\/main; 1111111 deploys/);
    expect(afterFirst).toEqual(held);
    expect(await h.store.listDecisions(h.repo.id, { sha: groupSha(1) })).toEqual(held);
    expect(deploys()).toHaveLength(0);
    expect(await h.store.listPendingByRef(h.repo.id, "refs/heads/main")).toHaveLength(1);
  });

  it("never deploys a gh-readonly-queue branch, and records nothing for it", async () => {
    h = await start();

    await push(queueRef(7, 1), groupSha(1));

    github.done();
    expect(github.requests).toEqual([]);
    expect(await h.store.listDecisions(h.repo.id, { sha: groupSha(1) })).toEqual([]);
  });

  it("names in /why a required check that never reported on a merge queue commit", async () => {
    h = await start();
    const gh = commandGitHub(github, h);
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_URL, { status: 200, body: PREVIEW, persist: true });
    gh.reaction(7001);
    gh.pullRequest();
    gh.reply(9001);
    await mergeGroup(1, PR, "checks_requested");
    await status(groupSha(1));
    await push("refs/heads/main", groupSha(1));

    await comment(h, { id: 7001, body: "/why" });

    github.done();
    const [why] = replies(github);
    expect(why).toBe(
      [
        "Latest decisions about its merge queue commit 1111111\\:",
        "",
        "- production\\: waiting\\_for\\_checks — Waiting for ci/deploy-preview on 1111111 before deploying to production. " +
          "ci/deploy-preview never reported on a merge queue commit; is it run <code>on\\: merge\\_group</code>?",
      ].join("\n"),
    );
  });
});
