import { afterEach, describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { frozenConfig, iso } from "./helpers/freeze-config.js";
import { createHarness, INSTALLATION_ID, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const HOUR = 3_600_000;

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

describe.each(STORE_BACKENDS)("a freeze holding an auto-deploy, on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;
  const start = () => createHarness(store(), github);

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
