import { describe, expect, it } from "@jest/globals";
import { CLAIM_LEASE_MS, idempotencyKey } from "../src/deploy/deploy-once.js";
import type { DeployClaim } from "../src/store/claim-store.js";
import { INSTALLATION_ID, useAppTests, type Harness } from "./helpers/app-harness.js";
import { deployment, IDEMPOTENCY_KEY } from "./helpers/github-responses.js";

const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;
const UNGATED = "production:\n  auto_deploy_on: refs/heads/main\n";

/**
 * A process that died between claiming a deployment and recording it leaves an intent behind.
 * Whoever processes the delivery again must neither deploy twice nor lose the deployment.
 */
describe("exactly once across a crash between claiming and recording", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const autoClaim = (): DeployClaim => ({
    repoId: h.repo.id,
    environment: "production",
    sha: SHA,
    target: "production",
    ref: "refs/heads/main",
    pr: null,
    transient: false,
    via: "auto",
  });
  /** What the dead process did: it claimed, and maybe asked GitHub, but recorded nothing. */
  const leaveIntent = () => h.store.claimDeployment(autoClaim(), h.parts.now(), CLAIM_LEASE_MS);
  const push = () =>
    h.receive("push", {
      edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }),
    });
  const lookupUrl = () => `${h.api}/deployments?sha=${SHA}&environment=production&per_page=100`;

  it("finds the deployment the dead process created, instead of creating another", async () => {
    h = await start();
    await leaveIntent();
    h.advanceClock(CLAIM_LEASE_MS);
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"v1"' } });
    const lost = { ...deployment(77), payload: { idempotency_key: idempotencyKey(autoClaim()) } };
    github.expect("GET", lookupUrl(), { status: 200, body: [lost] });

    await push();

    github.done();
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toEqual([]);
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    expect(decision).toMatchObject({ reason: "deployed" });
    expect(decision?.message).toContain("Deployment 77 created.");
    expect((await h.store.listDeployments(h.repo.id, "production")).map((d) => d.id)).toEqual([77]);
    // Settled: however long it waits now, nobody takes the claim over again.
    h.advanceClock(10 * CLAIM_LEASE_MS);
    expect(await h.store.claimDeployment(autoClaim(), h.parts.now(), CLAIM_LEASE_MS)).toEqual({ kind: "taken" });
  });

  it("creates the deployment once when the dead process never reached GitHub", async () => {
    h = await start();
    await leaveIntent();
    h.advanceClock(CLAIM_LEASE_MS);
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"v1"' } });
    github.expect("GET", lookupUrl(), { status: 200, body: [] });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(78) }, (body) => {
      expect(body).toMatchObject({ payload: { idempotency_key: idempotencyKey(autoClaim()) } });
    });

    await push();

    github.done();
    expect((await h.store.listDeployments(h.repo.id, "production")).map((d) => d.id)).toEqual([78]);
  });

  it("waits while the intent is fresh (the other try may still finish), then reconciles", async () => {
    h = await start();
    await leaveIntent();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"v1"' } });

    const event = await push();
    const waiting = await h.deliveryError(event.id);
    github.done();
    github.reset();
    // The installation token is cached by the app: no second exchange.
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"v1"' });
    github.expect("GET", lookupUrl(), { status: 200, body: [] });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(79) });
    h.advanceClock(CLAIM_LEASE_MS);
    await h.workers.runUntilIdle();

    expect(waiting).toContain("in flight");
    github.done();
    expect((await h.store.listDeployments(h.repo.id, "production")).map((d) => d.id)).toEqual([79]);
  });

  it("creates one deployment for a burst of concurrent deliveries of the same commit", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, { status: 200, body: UNGATED, headers: { etag: '"v1"' }, times: 1 });
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"v1"', times: 5 });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(80) }, (body) => {
      expect(body).toMatchObject({ payload: { idempotency_key: IDEMPOTENCY_KEY } });
    });
    const events = Array.from({ length: 6 }, () =>
      h.event("push", { edit: (p) => Object.assign(p, { ref: "refs/heads/main", after: SHA, deleted: false, commits: [] }) }),
    );

    // Six deliveries stored at once, then processed by three workers at once.
    await Promise.all(events.map((event) => h.probot.receive(event)));
    await Promise.all([h.workers.runUntilIdle(), h.workers.runUntilIdle(), h.workers.runUntilIdle()]);

    github.done();
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toHaveLength(1);
  });
});
