import { describe, expect, it } from "@jest/globals";
import { deployment } from "../helpers/github-responses.js";
import { ADMIN_TOKEN, expectInstalled, newAdminTestRepo, type AdminTestRepo } from "../hooks/admin-fixtures.js";
import { deploymentRequests, useHookServer } from "../hooks/hook-server.js";
import { adminCliRunner } from "./fake-io.js";

const HEAD = "1".repeat(40);
const CONFIG = "version: 2\ntargets:\n  production:\n    required_contexts: [ci/test]\n";

/** `deliverybot deploy …` in-process, over real HTTP, against the running app (GitHub mocked). */
describe("deliverybot deploy", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  const run = adminCliRunner("deploy", server.base, ADMIN_TOKEN);

  function expectGated(r: AdminTestRepo): void {
    expectInstalled(github, r);
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    github.expect("GET", `${r.api}/commits/${HEAD}`, { status: 200, body: { sha: HEAD } });
  }

  it("deploys and prints the deployment, sha and environment; the same request id again is already deployed", async () => {
    const r = newAdminTestRepo();
    await server
      .store()
      .recordCheck({ repoId: r.repoId, sha: HEAD, context: "ci/test", source: "check_run", outcome: "success", externalId: 1 });
    expectGated(r);
    github.expect("POST", `${r.api}/deployments`, { status: 201, body: deployment(901, HEAD) });
    const argv = [r.fullName, "production", "--ref", HEAD, "--request-id", "build-12"];

    const result = await run(argv);

    expect(result).toEqual({
      code: 0,
      stdout: "Deployed 1111111 to production (target production): deployment 901.\n",
      stderr: "",
    });
    github.done();
    github.reset();

    github.expect("GET", `${r.api}/installation`, { status: 200, body: { id: r.installationId, app_id: 1 } });
    github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, owner: { login: r.owner } } });
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
    github.expect("GET", `${r.api}/commits/${HEAD}`, { status: 200, body: { sha: HEAD } });
    const again = await run([...argv, "--url", server.base], { DELIVERYBOT_URL: undefined });

    expect(again).toEqual({
      code: 0,
      stdout: "Already deployed: this request was handled before; 1111111 is not deployed to production again.\n",
      stderr: "",
    });
    expect(deploymentRequests(github)).toEqual([]);
  });

  it("prints the refusal with its reason and exits 1 when a gate refuses", async () => {
    const r = newAdminTestRepo();
    expectGated(r);

    const result = await run([r.fullName, "production", `--ref=${HEAD}`]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "deliverybot deploy: refused (waiting_for_checks): Waiting for ci/test on 1111111; deploy again once green.\n",
    });
    expect(deploymentRequests(github)).toEqual([]);
    github.done();
  });

  it("prints that the deploy waits for the target's approvals and exits 3: the app keeps the request", async () => {
    const r = newAdminTestRepo();
    await server
      .store()
      .recordCheck({ repoId: r.repoId, sha: HEAD, context: "ci/test", source: "check_run", outcome: "success", externalId: 1 });
    expectInstalled(github, r);
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, {
      status: 200,
      body: `${CONFIG}    approvals:\n      required: 1\n`,
    });
    github.expect("GET", `${r.api}/commits/${HEAD}`, { status: 200, body: { sha: HEAD } });

    const result = await run([r.fullName, "production", "--ref", HEAD, "--request-id", "build-13"]);

    expect(result).toEqual({
      code: 3,
      stdout:
        "Waiting (waiting_for_approval): production needs an approval of 1111111 (`/approve production`); none yet. It deploys once approved.\n",
      stderr: "",
    });
    expect(deploymentRequests(github)).toEqual([]);
    expect((await server.store().listAskedDeploysByRepo(r.repoId)).map((a) => a.via)).toEqual(["admin:build-13"]);
    github.done();
  });

  it("exits 1 for a target that does not exist, naming the targets there are", async () => {
    const r = newAdminTestRepo();
    expectGated(r);

    const result = await run([r.fullName, "qa", "--ref", HEAD]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "deliverybot deploy: refused (invalid_request): There is no target qa in .github/deploy.yml; the targets are production.\n",
    );
  });

  it.each([
    [[], /^deliverybot deploy: usage: deliverybot deploy <owner\/repo> <target>/],
    [["acme/shop"], /usage: deliverybot deploy/],
    [["acme/shop", "production", "extra"], /usage: deliverybot deploy/],
    [["shop", "production"], /the repository must be owner\/name, got "shop"/],
    [["acme/shop", "production", "--ref"], /--ref needs a value; see deliverybot help deploy/],
    [["acme/shop", "production", "--request-id", "a b"], /--request-id must be 1 to 100/],
    [["acme/shop", "production", "--force"], /unknown option "--force"/],
    [["acme/shop", "production", "--token", "x"], /ADMIN_TOKEN environment variable only/],
  ])("%j is a usage error: exit 2, nothing sent", async (argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(github.requests).toEqual([]);
  });

  it("exits 2 without ADMIN_TOKEN, and when the token is refused", async () => {
    const unset = await run(["acme/shop", "production"], { ADMIN_TOKEN: undefined });
    const wrong = await run(["acme/shop", "production"], { ADMIN_TOKEN: "x".repeat(40) });

    expect(unset).toMatchObject({ code: 2, stderr: expect.stringMatching(/set ADMIN_TOKEN/) });
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringMatching(/ADMIN_TOKEN does not match the app's/) });
    expect(github.requests).toEqual([]);
  });
});
