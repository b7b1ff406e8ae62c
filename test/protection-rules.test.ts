import { afterEach, describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { comment, commandGitHub, replies, type CommandGitHub } from "./commands/command-events.js";
import { CONFIG_FILE, configAtCommit, push } from "./config/config-events.js";
import { frozenConfig, iso } from "./helpers/freeze-config.js";
import { createHarness, INSTALLATION_ID, type Harness } from "./helpers/app-harness.js";
import { mockGitHub, type RequestAssertion } from "./helpers/mock-github.js";
import { PROTECTION_RULE_RUN_ID as RUN } from "./helpers/payloads.js";
import { expectReview, receiveProtectionRequest } from "./helpers/protection-requests.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";

const SHA = "5e1ec7ed00000000000000000000000000000001";
const HOUR = 3_600_000;
const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: [ci/test]
`;

// One mock for both backends: a second would take over the first one's report of unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

/** What the app posted to the run's protection rule endpoint, in order. */
function reviews(): Array<Record<string, unknown>> {
  return github.requests
    .filter((r) => r.method === "POST" && r.path.endsWith(`/actions/runs/${RUN}/deployment_protection_rule`))
    .map((r) => r.body as Record<string, unknown>);
}

describe.each(STORE_BACKENDS)("Deliverybot as a deployment protection rule, on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;
  let gh: CommandGitHub;

  async function begin(): Promise<void> {
    h = await createHarness(store(), github);
    gh = commandGitHub(github, h);
    github.installationToken(INSTALLATION_ID, { persist: true });
  }

  /** A workflow job of run {@link RUN} asks to deploy {@link SHA} to `environment`. */
  const request = (options: { environment?: string; requester?: string; callbackRepo?: string } = {}) =>
    receiveProtectionRequest(h, { sha: SHA, ref: "main", ...options });
  const review = (assert: RequestAssertion) => expectReview(github, h, assert);

  function status(state: "pending" | "success" | "failure") {
    return h.receive("status", {
      edit: (p) => Object.assign(p, { sha: SHA, context: "ci/test", state, id: Date.now() }),
    });
  }

  it("holds a job while production is locked, says why once, lists it in /status, and approves it after /unlock", async () => {
    await begin();
    gh.config(CONFIG, 6);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.reaction(7003);
    gh.permission("alice", "write");
    gh.permission("dev", "write");
    gh.reply(9001);
    gh.reply(9002);
    gh.reply(9003);
    review((body) =>
      expect(body).toEqual({ environment_name: "production", comment: expect.stringContaining("locked by @alice") }),
    );
    review((body) => expect(body).toMatchObject({ environment_name: "production", state: "approved" }));
    await comment(h, { id: 7001, body: "/lock production" });
    await status("success");

    await request();
    const held = {
      decisions: await h.store.listDecisions(h.repo.id, { sha: SHA }),
      waiting: await h.store.listProtectionRequests(h.repo.id),
    };
    // Another check on the commit decides it again: the same hold is not told twice.
    await status("success");
    const toldOnce = reviews().length;
    await comment(h, { id: 7003, body: "/status" });
    await comment(h, { id: 7002, body: "/unlock production" });

    github.done();
    expect(held.decisions[0]).toMatchObject({ reason: "locked", target: "production" });
    expect(held.decisions[0]?.message).toBe("production is locked by @alice; the job deploys 5e1ec7e once it is unlocked.");
    expect(held.waiting).toEqual([
      expect.objectContaining({ runId: RUN, environment: "production", sha: SHA, requester: "dev", reason: "locked" }),
    ]);
    expect(toldOnce).toBe(1);
    // The run's link is on the repository's page (the comment payload's html_url), the rest escaped.
    expect(replies(github)[1]).toMatch(
      /\n\nJobs held \(protection rule\):\n\n- \[run 3000000001\]\(https:\/\/github\.com\/[\w-]+\/[\w-]+\/actions\/runs\/3000000001\): production, 5e1ec7e by @\u200bdev\\: production is locked by @\u200balice; the job deploys 5e1ec7e once it is unlocked\.$/,
    );
    expect(reviews().map((body) => body["state"])).toEqual([undefined, "approved"]);
    expect(reviews()[1]?.["comment"]).toBe("Approved 5e1ec7e for production: not locked or frozen, ci/test passed.");
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed", target: "production" });
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toHaveLength(0);
  });

  it("holds a job until its required check succeeds, and rejects one whose check failed", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.permission("dev", "write");
    review((body) =>
      expect(body).toEqual({
        environment_name: "production",
        comment: expect.stringMatching(/^Waiting for ci\/test on 5e1ec7e/),
      }),
    );
    review((body) =>
      expect(body).toMatchObject({
        state: "rejected",
        comment: "ci/test failed on 5e1ec7e; rejected. Run the job again once it passes.",
      }),
    );
    await status("pending");

    await request();
    await status("failure");

    github.done();
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "checks_failed" });
  });

  it("holds a job in a freeze and approves it from the sweep when the freeze ends", async () => {
    await begin();
    const startedAt = h.parts.now();
    const config = frozenConfig(startedAt);
    const end = new Date(iso(startedAt.getTime() + HOUR));
    gh.config(config, 2);
    // Asked again an hour later: a permission is kept for a minute.
    gh.permission("dev", "write");
    gh.permission("dev", "write");
    review((body) =>
      expect(body).toEqual({
        environment_name: "production",
        comment: expect.stringMatching(/^production is frozen until .*\(Release freeze\)/),
      }),
    );
    review((body) => expect(body).toMatchObject({ state: "approved" }));

    await request();
    const [waiting] = await h.store.listProtectionRequests(h.repo.id);
    await sweepOnce(h.sweepParts);
    const beforeTheEnd = reviews().length;
    h.advanceClock(HOUR + 1_000);
    await sweepOnce(h.sweepParts);

    github.done();
    expect(waiting?.wakeAt).toEqual(end);
    expect(beforeTheEnd).toBe(1);
    expect(reviews().map((body) => body["state"])).toEqual([undefined, "approved"]);
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
  });

  it("approves a held job at once when the default branch's configuration lifts the freeze", async () => {
    await begin();
    const frozen = frozenConfig(h.parts.now()).replace("    auto_deploy_on: refs/heads/main\n", "");
    const lifted = "version: 2\ntargets:\n  production:\n    required_contexts: []\n";
    gh.config(frozen);
    gh.permission("dev", "write");
    review((body) => expect(body).toMatchObject({ comment: expect.stringContaining("is frozen until") }));
    await request();
    github.expect("GET", configAtCommit(h), { status: 200, body: lifted });
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: { id: 1 } });
    // Read for the push's own targets, then to decide what waits (an ETag would make it a free 304).
    gh.config(lifted, 2);
    review((body) => expect(body).toMatchObject({ state: "approved" }));

    await push(h, { ref: "refs/heads/main", sha: "f00d000000000000000000000000000000000002", changed: [CONFIG_FILE] });

    github.done();
    expect(reviews().map((body) => body["state"])).toEqual([undefined, "approved"]);
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
  });

  it("rejects a read-only requester and an environment no target deploys to", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.permission("mallory", "read");
    review((body) =>
      expect(body).toEqual({
        environment_name: "production",
        state: "rejected",
        comment: "@mallory needs write permission to deploy production; rejected.",
      }),
    );
    review((body) =>
      expect(body).toMatchObject({
        environment_name: "qa",
        state: "rejected",
        comment: expect.stringContaining("No target in .github/deploy.yml deploys to qa"),
      }),
    );

    await request({ requester: "mallory" });
    await request({ environment: "qa" });

    github.done();
    const decisions = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(decisions.map((d) => d.reason).sort()).toEqual(["invalid_request", "not_permitted"]);
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
  });

  it("keeps a request GitHub could not take the answer to for the sweep, and forgets one GitHub refused", async () => {
    await begin();
    gh.config(`version: 2\ntargets:\n  production:\n    required_contexts: []\n`, 3);
    gh.permission("dev", "write");
    gh.permission("dev", "write");
    github.expect("POST", `${h.api}/actions/runs/${RUN}/deployment_protection_rule`, {
      status: 502,
      body: { message: "Bad Gateway" },
    });
    review((body) => expect(body).toMatchObject({ state: "approved" }));

    const askedAt = h.parts.now().getTime();
    await request();
    const [kept] = await h.store.listProtectionRequests(h.repo.id);
    const answeredBy = h.parts.now().getTime();
    h.advanceClock(61_000);
    await sweepOnce(h.sweepParts);
    const afterRetry = await h.store.listProtectionRequests(h.repo.id);
    github.expect("POST", `${h.api}/actions/runs/${RUN}/deployment_protection_rule`, {
      status: 422,
      body: { message: "No pending deployment protection rule" },
    });
    await request();

    github.done();
    expect(kept?.wakeAt?.getTime()).toBeGreaterThanOrEqual(askedAt + 60_000);
    expect(kept?.wakeAt?.getTime()).toBeLessThanOrEqual(answeredBy + 60_000);
    expect(afterRetry).toEqual([]);
    expect(await h.store.listProtectionRequests(h.repo.id)).toEqual([]);
  });

  it("parks a request whose callback URL names another repository, and answers nothing", async () => {
    await begin();
    github.reset();

    const event = await request({ callbackRepo: "evil/elsewhere" });

    expect(await h.deliveryError(event.id)).toMatch(/deployment_callback_url.*must be this repository's/);
    expect(github.requests).toEqual([]);
  });
});
