import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";
import type { MockReply } from "./helpers/mock-github.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const UNGATED = "production:\n  auto_deploy_on: refs/heads/main\n";
const DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
const SECONDARY = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

/** When the stored retry must fall, given the wall clock just before and after the push. */
type RetryWindow = (before: number, after: number) => readonly [number, number];
const inSeconds =
  (seconds: number): RetryWindow =>
  (before, after) => [before + seconds * 1000, after + seconds * 1000];

describe("GitHub faults while creating a deployment", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const push = () =>
    h.receive("push", { edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }) });

  it("survives a 5xx, keeps the deploy and creates it on the retry sweep", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 502, body: { message: "Server Error" } });
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"u1"' });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(77) });

    const before = Date.now();
    await push();
    const after = Date.now();
    const [failed] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    const [waiting] = await h.store.listPendingBySha(h.repo.id, SHA);
    expect(failed).toMatchObject({ reason: "github_error" });
    expect(failed?.message).toContain("502");
    expect(waiting).toMatchObject({ target: "production", attempts: 1, lastError: "Server Error" });
    expectWithin(waiting?.nextAttemptAt, inSeconds(30)(before, after));
    expect(await sweepOnce(h.sweepParts)).toBe(0);

    h.advanceClock(31_000);
    expect(await sweepOnce(h.sweepParts)).toBe(1);

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed" });
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.listDeployedEnvironments(h.repo.id, SHA)).toEqual(["production"]);
  });

  it.each<[string, MockReply, RetryWindow, { notDueMs: number; dueMs: number; asked: boolean }]>([
    [
      "403 with retry-after (a secondary rate limit): retried when GitHub said",
      { status: 403, body: { message: SECONDARY, documentation_url: DOCS }, headers: { "retry-after": "120" } },
      inSeconds(120),
      { notDueMs: 31_000, dueMs: 121_000, asked: true },
    ],
    [
      "429 with retry-after: retried when GitHub said",
      { status: 429, body: { message: "Too Many Requests" }, headers: { "retry-after": "90" } },
      inSeconds(90),
      { notDueMs: 31_000, dueMs: 91_000, asked: true },
    ],
    [
      "403 with retry-after shorter than the backoff: the backoff",
      { status: 403, body: { message: SECONDARY, documentation_url: DOCS }, headers: { "retry-after": "5" } },
      inSeconds(30),
      { notDueMs: 6_000, dueMs: 31_000, asked: false },
    ],
  ])("%s", async (_name, reply, window, { notDueMs, dueMs, asked }) => {
    const { before, after } = await rateLimitedPush(reply);
    const [waiting] = await h.store.listPendingByRef(h.repo.id, "refs/heads/main");
    expect(waiting).toMatchObject({ target: "production", sha: SHA, attempts: 1 });
    expectWithin(waiting?.nextAttemptAt, window(before, after));
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(decision).toMatchObject({ reason: "github_error" });
    expect(decision?.message).toContain(`(${reply.status}: `);
    expect(decision?.message.includes("as GitHub asked")).toBe(asked);

    await expectCreatedAt(notDueMs, dueMs);
  });

  it("403 with x-ratelimit-remaining 0 (the primary rate limit): retried at x-ratelimit-reset", async () => {
    const reset = Math.floor(Date.now() / 1000) + 900;
    const headers = { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) };
    await rateLimitedPush({
      status: 403,
      body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: DOCS },
      headers,
    });

    const [waiting] = await h.store.listPendingByRef(h.repo.id, "refs/heads/main");
    expect(waiting).toMatchObject({ target: "production", sha: SHA, attempts: 1 });
    expect(waiting?.nextAttemptAt).toEqual(new Date(reset * 1000));
    expect(waiting?.lastError).toContain("API rate limit exceeded");
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(decision?.message).toContain(`retrying at ${new Date(reset * 1000).toISOString()} as GitHub asked`);

    await expectCreatedAt(600_000, 901_000);
  });

  /** A push whose deployment GitHub refuses with `reply`; the wall clock around it, for the retry time. */
  async function rateLimitedPush(reply: MockReply): Promise<{ before: number; after: number }> {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    github.expect("POST", `${h.api}/deployments`, reply);
    const before = Date.now();
    await push();
    return { before, after: Date.now() };
  }

  /** The retry sweep leaves the deploy alone `notDueMs` after the push and creates it `dueMs` after. */
  async function expectCreatedAt(notDueMs: number, dueMs: number): Promise<void> {
    h.advanceClock(notDueMs);
    expect(await sweepOnce(h.sweepParts)).toBe(0);
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"u1"' });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(79) });
    h.advanceClock(dueMs - notDueMs);
    expect(await sweepOnce(h.sweepParts)).toBe(1);
    github.done();
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.listDeployedEnvironments(h.repo.id, SHA)).toEqual(["production"]);
  }

  it("records GitHub's 422 with its message and does not retry", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    const invalid = { message: "No ref found for: main", documentation_url: "https://docs.github.com" };
    github.expect("POST", `${h.api}/deployments`, { status: 422, body: invalid });

    await push();
    h.advanceClock(3_600_000);
    await sweepOnce(h.sweepParts);

    github.done();
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(decision).toMatchObject({ reason: "github_error" });
    expect(decision?.message).toContain("No ref found for: main");
    expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.listDeployedEnvironments(h.repo.id, SHA)).toEqual([]);
  });

  it("retries the delivery when GitHub cannot serve the config, and deploys when the retry runs", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 503, body: { message: "Service Unavailable" } });
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"u1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(78) });

    const event = h.event("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });
    await h.deliver(event);
    const error = await h.deliveryError(event.id);
    await h.retryFailed();

    github.done();
    expect(error).toContain("Service Unavailable");
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed" });
  });
});

/** A stored retry time inside `[min, max]` (epoch ms). */
function expectWithin(at: Date | null | undefined, [min, max]: readonly [number, number]): void {
  expect(at).toBeInstanceOf(Date);
  expect(at?.getTime()).toBeGreaterThanOrEqual(min);
  expect(at?.getTime()).toBeLessThanOrEqual(max);
}
