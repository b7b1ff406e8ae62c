import { describe, expect, it } from "@jest/globals";
import { backoff } from "../src/queue/retry-policy.js";
import type { DeliveryRecord } from "../src/store/delivery-store.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment } from "./helpers/github-responses.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const UNGATED = "production:\n  auto_deploy_on: refs/heads/main\n";
const DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
const SECONDARY = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
const UNAVAILABLE = { status: 503, body: { message: "Service Unavailable" } };

describe("the delivery queue when GitHub fails", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  /** A push of SHA to main, not yet delivered. */
  const pushEvent = () =>
    h.event("push", { edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }) });

  /** GitHub is back: the config is served and the deployment created. */
  const gitHubAnswers = (deploymentId: number) => {
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"q1"' } });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(deploymentId) });
  };

  /** The delivery as the queue lists it; undefined once it is done. */
  async function queued(id: string): Promise<DeliveryRecord | undefined> {
    const listed = await h.store.listDeliveries({ statuses: ["queued", "running", "parked"], limit: 1000 });
    return listed.find((d) => d.id === id);
  }

  const deploymentPosts = () => github.requests.filter((r) => r.method === "POST" && r.path === `${h.api}/deployments`);

  async function expectDeployedOnce(): Promise<void> {
    expect(deploymentPosts()).toHaveLength(1);
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed" });
    expect(await h.store.listDeployedEnvironments(h.repo.id, SHA)).toEqual(["production"]);
  }

  it("waits as long as a 403 with retry-after asks, without counting the attempt, then processes the push", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    const limited = { message: SECONDARY, documentation_url: DOCS };
    github.expect("GET", CONFIG_URL, { status: 403, body: limited, headers: { "retry-after": "120" } });
    const event = pushEvent();

    const before = h.parts.now().getTime();
    await h.deliver(event);
    const after = h.parts.now().getTime();
    const waiting = await queued(event.id);
    expect(await h.deliveryError(event.id)).toBe(`HTTP 403: ${SECONDARY} - ${DOCS}`);
    expect(waiting).toMatchObject({ status: "queued", attempts: 0 });
    expect(waiting?.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(waiting?.nextAttemptAt?.getTime()).toBeLessThanOrEqual(after + 120_000);

    h.advanceClock(119_000);
    await h.workers.runUntilIdle();
    github.done();
    expect(await queued(event.id)).toMatchObject({ status: "queued", attempts: 0 });

    gitHubAnswers(80);
    h.advanceClock(1_000);
    await h.workers.runUntilIdle();

    github.done();
    expect(await queued(event.id)).toBeUndefined();
    await expectDeployedOnce();
  });

  it("retries at x-ratelimit-reset when GitHub answers 429 with no requests remaining", async () => {
    h = await start();
    const reset = Math.floor(Date.now() / 1000) + 900;
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, {
      status: 429,
      body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: DOCS },
      headers: { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    });
    const event = pushEvent();

    await h.deliver(event);
    expect(await queued(event.id)).toMatchObject({
      status: "queued",
      attempts: 0,
      error: `HTTP 429: API rate limit exceeded for installation ID 1. - ${DOCS}`,
      nextAttemptAt: new Date(reset * 1000),
    });

    h.advanceClock(898_000);
    await h.workers.runUntilIdle();
    github.done();

    gitHubAnswers(81);
    h.advanceClock(2_000);
    await h.workers.runUntilIdle();

    github.done();
    await expectDeployedOnce();
  });

  it("rides out a long outage with growing backoffs and deploys the push exactly once when GitHub is back", async () => {
    const failures = 12;
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { ...UNAVAILABLE, times: failures });
    const event = pushEvent();

    const waits: { attempts: number | undefined; error: string | undefined; waitMs: readonly [number, number] }[] = [];
    for (let attempt = 1; attempt <= failures; attempt += 1) {
      const before = h.parts.now().getTime();
      if (attempt === 1) await h.deliver(event);
      else await h.workers.runUntilIdle();
      const after = h.parts.now().getTime();
      const record = await queued(event.id);
      const nextAt = record?.nextAttemptAt?.getTime() ?? NaN;
      waits.push({ attempts: record?.attempts, error: record?.error ?? undefined, waitMs: [nextAt - after, nextAt - before] });
      h.advanceClock(backoff(attempt));
    }
    gitHubAnswers(82);
    await h.workers.runUntilIdle();
    h.advanceClock(3_600_000);
    await h.workers.runUntilIdle();

    github.done();
    waits.forEach(({ attempts, error, waitMs: [least, most] }, index) => {
      const attempt = index + 1;
      expect({ attempts, error }).toEqual({ attempts: attempt, error: "HTTP 503: Service Unavailable" });
      // 2 s, 4 s, … 512 s, then 10 minutes: measured from after the attempt (shortest) and from before it (longest).
      expect(least).toBeLessThanOrEqual(backoff(attempt));
      expect(most).toBeGreaterThanOrEqual(backoff(attempt));
    });
    expect(await queued(event.id)).toBeUndefined();
    await expectDeployedOnce();
  });

  it("parks a push whose payload is malformed at once, saying what broke, and still processes the repository's next push", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    const broken = h.event("push", {
      edit: (p) => {
        Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false });
        delete (p as Partial<typeof p>).commits;
      },
    });

    await h.deliver(broken);
    // Trying again would fail the same way: nothing more happens, however long one waits.
    h.advanceClock(86_400_000);
    await h.workers.runUntilIdle();
    const parked = await h.store.listDeliveries({ statuses: ["parked"], limit: 100 });

    expect(parked.find((d) => d.id === broken.id)).toMatchObject({
      event: "push",
      status: "parked",
      attempts: 1,
      error: expect.stringMatching(/^MalformedPayload: malformed push payload: .*commits is not iterable$/),
    });

    gitHubAnswers(83);
    await h.deliver(pushEvent());

    github.done();
    await expectDeployedOnce();
  });

  it("ignores the same delivery again while it waits for its retry, and deploys once when the retry runs", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, UNAVAILABLE);
    const event = pushEvent();

    await h.deliver(event);
    const waiting = await queued(event.id);
    await h.deliver(event);
    const afterDuplicate = await queued(event.id);
    gitHubAnswers(84);
    await h.retryFailed();
    await h.deliver(event);
    h.advanceClock(3_600_000);
    await h.workers.runUntilIdle();

    github.done();
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, error: "HTTP 503: Service Unavailable" });
    expect(afterDuplicate).toEqual(waiting);
    expect(await queued(event.id)).toBeUndefined();
    await expectDeployedOnce();
  });
});
