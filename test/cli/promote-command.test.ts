import { describe, expect, it } from "@jest/globals";
import { deployment, IDEMPOTENCY_KEY } from "../helpers/github-responses.js";
import {
  ADMIN_TOKEN,
  expectInstalled,
  newAdminTestRepo,
  recordDeploymentOf,
  type AdminTestRepo,
} from "../hooks/admin-fixtures.js";
import { deploymentRequests, useHookServer } from "../hooks/hook-server.js";
import { adminCliRunner } from "./fake-io.js";

const STAGED = "5ea6ed0000000000000000000000000000000001";
const CONFIG = `version: 2
targets:
  staging:
    environment: staging
    required_contexts: []
  production:
    required_contexts: [ci/test]
`;

/** `deliverybot promote …` in-process, over real HTTP, against the running app (GitHub mocked). */
describe("deliverybot promote", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  const run = adminCliRunner("promote", server.base, ADMIN_TOKEN);

  /** The lookups every promotion makes: installation, repository, config on the default branch. */
  function expectRepository(r: AdminTestRepo): void {
    expectInstalled(github, r);
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
  }

  async function passChecks(r: AdminTestRepo): Promise<void> {
    const check = {
      repoId: r.repoId,
      sha: STAGED,
      context: "ci/test",
      source: "check_run",
      outcome: "success",
      externalId: 1,
    } as const;
    await server.store().recordCheck(check);
  }

  it("deploys to production the commit that succeeded in staging; a retry without a request id deploys nothing twice", async () => {
    const r = newAdminTestRepo();
    await recordDeploymentOf(server.store(), r, STAGED, "success");
    await passChecks(r);
    expectRepository(r);
    github.expect("POST", `${r.api}/deployments`, { status: 201, body: deployment(902, STAGED) }, (body) => {
      expect(body).toMatchObject({ ref: STAGED, environment: "production", required_contexts: ["ci/test"] });
      expect((body as { payload: unknown }).payload).toEqual({
        target: "production",
        ref: "main",
        sha: STAGED,
        pr: null,
        trigger: "admin",
        idempotency_key: IDEMPOTENCY_KEY,
      });
    });

    const result = await run([r.fullName, "staging", "production"]);

    expect(result).toEqual({
      code: 0,
      stdout: "Deployed 5ea6ed0 to production (target production): deployment 902.\n",
      stderr: "",
    });
    github.done();
    const [created] = await server.store().listDeployments(r.repoId, "production", 1);
    expect(created).toMatchObject({ id: 902, sha: STAGED, ref: "main", target: "production", trigger: "cli" });
    github.reset();

    github.expect("GET", `${r.api}/installation`, { status: 200, body: { id: r.installationId, app_id: 1 } });
    github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, owner: { login: r.owner } } });
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    // Target names in another case ask the same promotion.
    const again = await run([r.fullName, "Staging", "PRODUCTION"]);

    expect(again).toEqual({
      code: 0,
      stdout: "Already deployed: this request was handled before; 5ea6ed0 is not deployed to production again.\n",
      stderr: "",
    });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it.each([
    [
      "has not succeeded in staging yet",
      "in_progress",
      "waiting_for_upstream",
      "5ea6ed0 has not succeeded in staging yet (started); promote it once it has.",
    ],
    [
      "has no status yet",
      null,
      "waiting_for_upstream",
      "5ea6ed0 has not succeeded in staging yet (created); promote it once it has.",
    ],
    [
      "failed in staging",
      "failure",
      "upstream_failed",
      "5ea6ed0, the newest deployment to staging, is failed; nothing to promote.",
    ],
  ])("exits 1 when the commit %s, deploying nothing", async (_name, state, reason, message) => {
    const r = newAdminTestRepo();
    await recordDeploymentOf(server.store(), r, STAGED, state);
    await passChecks(r);
    expectRepository(r);

    const result = await run([r.fullName, "staging", "production", "--request-id", "release-3"]);

    expect(result).toEqual({ code: 1, stdout: "", stderr: `deliverybot promote: refused (${reason}): ${message}\n` });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it("exits 1 when nothing was deployed to staging", async () => {
    const r = newAdminTestRepo();
    expectRepository(r);

    const result = await run([r.fullName, "staging", "production"]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "deliverybot promote: refused (invalid_request): Nothing was deployed to staging yet.\n",
    });
    github.done();
  });

  it("exits 1 when production's checks are not green on the staged commit", async () => {
    const r = newAdminTestRepo();
    await recordDeploymentOf(server.store(), r, STAGED, "success");
    expectRepository(r);

    const result = await run([r.fullName, "staging", "production"]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "deliverybot promote: refused (waiting_for_checks): Waiting for ci/test on 5ea6ed0; deploy again once green.\n",
    });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it.each([
    [["qa", "production"], "There is no target qa in .github/deploy.yml; the targets are staging, production."],
    [["staging", "prod"], "There is no target prod in .github/deploy.yml; the targets are staging, production."],
    [["staging", "Staging"], "Promote from one target to another."],
  ])("exits 1 for %j, naming what is wrong", async (targets, message) => {
    const r = newAdminTestRepo();
    expectRepository(r);

    const result = await run([r.fullName, ...targets]);

    expect(result).toEqual({ code: 1, stdout: "", stderr: `deliverybot promote: refused (invalid_request): ${message}\n` });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it.each([
    [[], /^deliverybot promote: usage: deliverybot promote <owner\/repo> <from> <to>/],
    [["acme/shop", "staging"], /usage: deliverybot promote/],
    [["acme/shop", "staging", "production", "extra"], /usage: deliverybot promote/],
    [["shop", "staging", "production"], /the repository must be owner\/name, got "shop"/],
    [["acme/shop", "staging", "production", "--request-id"], /--request-id needs a value; see deliverybot help promote/],
    [["acme/shop", "staging", "production", "--request-id", "a b"], /--request-id must be 1 to 100/],
    [["acme/shop", "staging", "production", "--ref", "main"], /unknown option "--ref"/],
    [["acme/shop", "staging", "production", "--force"], /unknown option "--force"/],
    [["acme/shop", "staging", "production", "--token", "x"], /ADMIN_TOKEN environment variable only/],
  ])("%j is a usage error: exit 2, nothing sent", async (argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(github.requests).toEqual([]);
  });

  it("exits 2 without ADMIN_TOKEN, and when the token is refused", async () => {
    const unset = await run(["acme/shop", "staging", "production"], { ADMIN_TOKEN: undefined });
    const wrong = await run(["acme/shop", "staging", "production"], { ADMIN_TOKEN: "x".repeat(40) });

    expect(unset).toMatchObject({ code: 2, stderr: expect.stringMatching(/set ADMIN_TOKEN/) });
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringMatching(/ADMIN_TOKEN does not match the app's/) });
    expect(github.requests).toEqual([]);
  });
});
