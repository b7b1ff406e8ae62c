import { describe, expect, it } from "@jest/globals";
import { sweepOnce } from "../src/start-retry-sweep.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";

describe("tracking deployments", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  it("records deployment and deployment_status webhooks as history per environment, without calling GitHub", async () => {
    h = await start();

    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id: 300, sha: SHA, environment: "staging" }) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: 300, sha: SHA, environment: "staging" });
        Object.assign(p.deployment_status, { id: 3001, state: "in_progress", created_at: "2026-11-23T10:00:00Z" });
      },
    });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, { id: 300, sha: SHA, environment: "staging" });
        Object.assign(p.deployment_status, { id: 3002, state: "success", created_at: "2026-11-23T10:05:00Z" });
      },
    });

    expect(github.requests).toEqual([]);
    expect(await h.store.listDeployments(h.repo.id, "staging")).toMatchObject([{ id: 300, sha: SHA, state: "success" }]);
  });

  it("keeps each deployment's lifecycle from the payloads alone: who, what started it, every state with its time, the URLs", async () => {
    h = await start();
    const deployment = { id: 310, sha: SHA, environment: "production", description: "Ship 1.2" };
    const ours = {
      payload: { trigger: "command", actor: "alice", idempotency_key: "k", target: "production", pr: 12, ref: "main" },
    };
    const status = (id: number, state: string, minute: number) => ({
      edit: (p: { deployment: object; deployment_status: object }) => {
        Object.assign(p.deployment, deployment, ours);
        Object.assign(p.deployment_status, {
          id,
          state,
          created_at: `2026-11-23T10:0${minute}:00Z`,
          log_url: `https://ci.example.com/run/${id}`,
          environment_url: state === "success" ? "https://shop.example.com" : null,
          description: `${state} (${minute})`,
        });
      },
    });

    // The history comes from the payloads alone; the success of a deployment of ours asks for the
    // configuration once, for the targets that promote from its environment (this repository and
    // its organisation's .github repository have none: two 404s, remembered for a while).
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", /\/contents\/\.github%2Fdeploy\.yml$/, { status: 404, body: { message: "Not Found" }, times: 2 });
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, deployment, ours) });
    const created = await h.store.getDeployment(h.repo.id, 310);
    // Out of order and repeated: the newest state by GitHub's status id wins.
    await h.receive("deployment_status", status(3102, "in_progress", 2));
    await h.receive("deployment_status", status(3103, "success", 5));
    await h.receive("deployment_status", status(3101, "queued", 1));
    await h.receive("deployment_status", status(3102, "in_progress", 2));
    await h.receive("deployment_status", status(3104, "something_new", 6));

    github.done();
    expect(created).toMatchObject({ lifecycle: "created", state: null, statuses: [] });
    expect(await h.store.getDeployment(h.repo.id, 310)).toMatchObject({
      id: 310,
      environment: "production",
      sha: SHA,
      ref: "main",
      target: "production",
      pr: 12,
      creator: "alice",
      trigger: "command",
      description: "Ship 1.2",
      state: "success",
      lifecycle: "succeeded",
      stateAt: new Date("2026-11-23T10:05:00Z"),
      environmentUrl: "https://shop.example.com",
      logUrl: "https://ci.example.com/run/3103",
      statuses: [
        expect.objectContaining({ id: 3101, state: "queued", createdAt: new Date("2026-11-23T10:01:00Z") }),
        expect.objectContaining({ id: 3102, state: "in_progress", createdAt: new Date("2026-11-23T10:02:00Z") }),
        expect.objectContaining({ id: 3103, state: "success", createdAt: new Date("2026-11-23T10:05:00Z") }),
        expect.objectContaining({ id: 3104, state: "something_new" }),
      ],
    });
  });

  it("records anyone else's deployment as external, created by GitHub's creator", async () => {
    h = await start();

    const event = await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id: 320, payload: {} }) });

    expect(await h.store.getDeployment(h.repo.id, 320)).toMatchObject({
      trigger: "external",
      creator: event.payload.deployment.creator?.login,
      lifecycle: "created",
    });
  });

  it("prunes deployments older than 180 days in the retry sweep, keeping the environment's newest", async () => {
    h = await start();
    const day = 24 * 3_600_000;
    const at = (offsetDays: number) => new Date(h.parts.now().getTime() + offsetDays * day).toISOString();
    await h.receive("deployment", {
      edit: (p) => Object.assign(p.deployment, { id: 330, environment: "qa", created_at: at(-200) }),
    });
    await h.receive("deployment", {
      edit: (p) => Object.assign(p.deployment, { id: 331, environment: "qa", created_at: at(-190) }),
    });

    await sweepOnce(h.sweepParts);

    expect((await h.store.listDeployments(h.repo.id, "qa")).map((d) => d.id)).toEqual([331]);
  });

  it("does not auto-deploy a commit someone already deployed to that environment by hand", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", /\/contents\/\.github%2Fdeploy\.yml$/, {
      status: 200,
      body: "production:\n  auto_deploy_on: refs/heads/main\n",
    });

    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, { id: 301, sha: SHA, environment: "production" }) });
    await h.receive("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });

    github.done();
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "already_deployed" });
  });
  it.each([
    [
      "a status without its id",
      (p: Record<string, Record<string, unknown>>) => delete p["deployment_status"]?.["id"],
      "`deployment_status.id` must be a GitHub id (a whole number), got nothing",
    ],
    [
      "a status whose state is not text",
      (p: Record<string, Record<string, unknown>>) => Object.assign(p["deployment_status"] ?? {}, { state: 7 }),
      "`deployment_status.state` must be a non-empty string, got 7",
    ],
    [
      "a deployment without its environment",
      (p: Record<string, Record<string, unknown>>) => delete p["deployment"]?.["environment"],
      "`deployment.environment` must be a non-empty string, got nothing",
    ],
    [
      "a status with a time that is none",
      (p: Record<string, Record<string, unknown>>) => Object.assign(p["deployment_status"] ?? {}, { created_at: "yesterday" }),
      '`deployment_status.created_at` must be an ISO 8601 time, got "yesterday"',
    ],
  ])("parks a malformed deployment_status payload at once, naming the field: %s", async (_name, breakIt, message) => {
    h = await start();
    const broken = h.event("deployment_status", {
      edit: (p) => breakIt(p as unknown as Record<string, Record<string, unknown>>),
    });

    await h.deliver(broken);
    h.advanceClock(86_400_000);
    await h.workers.runUntilIdle();

    expect(github.requests).toEqual([]);
    expect(await h.deliveryError(broken.id)).toBe(`MalformedPayload: malformed deployment_status payload: ${message}`);
    const parked = await h.store.listDeliveries({ statuses: ["parked"], limit: 100 });
    expect(parked.find((d) => d.id === broken.id)).toMatchObject({ status: "parked", attempts: 1 });
  });
});
