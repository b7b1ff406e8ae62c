import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { comment, deploymentRequests, HEAD_SHA, onlyReply, refusedFor, useCommandTests } from "./commands/command-events.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const HOUR = 3_600_000;

/** An ISO time the schema takes (no milliseconds). */
const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A configuration whose production target is frozen from an hour before `now` until an hour after. */
function frozenConfig(now: Date): string {
  return `version: 2
freezes:
  - from: ${iso(now.getTime() - HOUR)}
    to: ${iso(now.getTime() + HOUR)}
    reason: Release freeze
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
`;
}

describe("a freeze holding an auto-deploy", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  it("keeps a push to main waiting (frozen, with the end) and deploys it once when the freeze ends", async () => {
    h = await start();
    const end = new Date(iso(h.parts.now().getTime() + HOUR));
    github.installationToken(INSTALLATION_ID, { persist: true });
    github.expect("GET", CONFIG_URL, { status: 200, body: frozenConfig(h.parts.now()), headers: { etag: '"v1"' } });
    await h.receive("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });
    const [held] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    const [waiting] = await h.store.listPendingBySha(h.repo.id, SHA);
    const afterThePush = github.requests.length;
    // Before the end: nothing is due, GitHub hears nothing.
    await sweepOnce(h.sweepParts);
    const beforeTheEnd = github.requests.length;

    h.advanceClock(HOUR + 1_000);
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"v1"' });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(77) }, (body) =>
      expect(body).toMatchObject({ ref: SHA, environment: "production" }),
    );
    await sweepOnce(h.sweepParts);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(held).toMatchObject({ reason: "frozen", target: "production" });
    expect(held?.message).toMatch(/^production is frozen until .* UTC \(Release freeze\); d6fde92 deploys when it ends\.$/);
    expect(waiting?.nextAttemptAt).toEqual(end);
    expect(beforeTheEnd).toBe(afterThePush);
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toHaveLength(1);
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed" });
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
  });
});

describe("/deploy during a freeze", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;

  it("is refused for a writer with frozen and the freeze's end; a repository admin's --force deploys", async () => {
    const { h, gh } = await commandTests.begin();
    gh.config(frozenConfig(h.parts.now()), 2);
    gh.reaction(7001);
    gh.permission("bob", "write");
    gh.pullRequest();
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy production", login: "bob" });

    const refused = onlyReply(github);
    expect(refused).toContain(refusedFor("frozen"));
    // Markdown-escaped, as every reply is.
    expect(refused).toContain("\\(Release freeze\\). A repository admin may deploy anyway with <code>\\--force</code>.");
    expect(deploymentRequests(github)).toEqual([]);

    gh.reaction(7002);
    gh.permission("carol", "admin");
    gh.pullRequest();
    gh.deployment(612, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, environment: "production" }));
    gh.reply(9002);

    await comment(h, { id: 7002, body: "/deploy production --force", login: "carol" });

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
  });

  it("lists the frozen targets and until when in /status", async () => {
    const { h, gh } = await commandTests.begin();
    gh.config(frozenConfig(h.parts.now()));
    gh.reaction(7003);
    gh.reply(9003);

    await comment(h, { id: 7003, body: "/status" });

    github.done();
    const lines = onlyReply(github).split("\n");
    expect(lines.slice(2, 6)).toEqual(["| production | production | none | — |", "", "Frozen:", ""]);
    expect(lines[6]).toMatch(/^- production\\: production is frozen until .* UTC \\\(Release freeze\\\)\.$/);
  });
});
