import { describe, expect, it } from "@jest/globals";
import { runCli } from "../../src/cli/run-cli.js";
import { ADMIN_TOKEN, expectInstalled, expectNotInstalled, newAdminTestRepo } from "../hooks/admin-fixtures.js";
import { useHookServer } from "../hooks/hook-server.js";
import { createFakeIo } from "./fake-io.js";

/** `deliverybot hooks …` in-process, over real HTTP, against the running app (GitHub mocked). */
describe("deliverybot hooks", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  async function run(argv: readonly string[], env: Record<string, string | undefined> = {}) {
    const fake = createFakeIo();
    const io = { ...fake.io, env: { ADMIN_TOKEN, DELIVERYBOT_URL: server.base, ...env }, fetch: globalThis.fetch };
    const code = await runCli(["hooks", ...argv], io);
    return { code, stdout: fake.stdout(), stderr: fake.stderr() };
  }

  async function createHook(name = "dockerhub") {
    const r = newAdminTestRepo();
    expectInstalled(github, r);
    const result = await run(["create", r.fullName, name]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const url = /URL: {3}(\S+)/.exec(result.stdout)?.[1] ?? "";
    const token = /Token: (\S+)/.exec(result.stdout)?.[1] ?? "";
    return { r, url, token, id: url.split("/").pop() ?? "", stdout: result.stdout };
  }

  it("create prints the URL, the token once with a warning, and copy-paste examples", async () => {
    const { r, url, token, id, stdout } = await createHook();

    expect(url).toBe(`${server.base}/hooks/deploy/${id}`);
    expect(stdout).toContain(`Created hook ${id} "dockerhub" for ${r.fullName}.`);
    expect(stdout).toContain("This token is shown once");
    expect(stdout).toContain(`curl -X POST -H "X-Deploy-Secret: ${token}" ${url}\n`);
    expect(stdout).toContain(`  ${url}?token=${token}\n`);
    expect(stdout).toContain("hooks: [dockerhub]");
    github.done();
    // The printed token passes the hook's authentication: no target lists the hook yet, so 403, not 401.
    const config = "version: 2\ntargets:\n  production:\n    required_contexts: []\n";
    github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, default_branch: "main" } });
    github.expect("GET", `${r.api}/commits/main`, { status: 200, body: { sha: "1".repeat(40) } });
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: config });
    const response = await fetch(url, { method: "POST", headers: { "x-deploy-secret": token } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("no target allows this hook") });
    github.done();
  });

  it("list prints a table without tokens; revoke confirms and the list shows it revoked", async () => {
    const { r, token, id } = await createHook();

    const listed = await run(["list", r.fullName]);

    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID +NAME +REPOSITORY +CREATED +STATUS$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${id} +dockerhub +${r.fullName} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +active$`));
    expect(listed.stdout).not.toContain(token);

    expect(await run(["revoke", id])).toEqual({
      code: 0,
      stdout: `Revoked hook ${id}: its URL answers 404 from now on.\n`,
      stderr: "",
    });
    expect((await run(["list", r.fullName])).stdout).toMatch(/revoked \d{4}-\d\d-\d\d \d\d:\d\dZ\n$/);
    expect(await run(["revoke", id])).toEqual({
      code: 1,
      stdout: "",
      stderr: `deliverybot hooks: no active hook "${id}" (unknown or already revoked); see deliverybot hooks list\n`,
    });
  });

  it("list says so when a repository has no hooks", async () => {
    const result = await run(["list", "acme/nothing-here"]);

    expect(result).toEqual({
      code: 0,
      stdout: "No hooks for acme/nothing-here; create one with deliverybot hooks create <owner/repo> <name>\n",
      stderr: "",
    });
  });

  it("takes the app's address from --url over DELIVERYBOT_URL", async () => {
    const result = await run(["list", "acme/nothing-here", "--url", server.base], { DELIVERYBOT_URL: "http://127.0.0.1:9" });

    expect(result.code).toBe(0);
  });

  it("says to check the app's address when nothing answers there", async () => {
    const result = await run(["list"], { DELIVERYBOT_URL: "http://127.0.0.1:9" });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^deliverybot hooks: cannot reach the app \(.+\); is the app running at http:\/\/127\.0\.0\.1:9\? set DELIVERYBOT_URL or --url\n$/,
    );
  });

  it("says the admin token does not match on 401", async () => {
    const result = await run(["list"], { ADMIN_TOKEN: "z".repeat(40) });

    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `deliverybot hooks: ADMIN_TOKEN does not match the app's (${server.base} answered 401)\n`,
    });
  });

  it("says what GitHub said when the app is not installed on the repository", async () => {
    const r = newAdminTestRepo();
    expectNotInstalled(github, r);

    const result = await run(["create", r.fullName, "dockerhub"]);

    expect(result).toEqual({ code: 2, stdout: "", stderr: `deliverybot hooks: the app is not installed on ${r.fullName}\n` });
    github.done();
  });

  it("passes on the app's message for a bad name", async () => {
    const result = await run(["create", "acme/shop", "Docker_Hub"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^deliverybot hooks: invalid hook name "Docker_Hub": use lower-case letters/);
  });

  it.each([
    [[], "a subcommand is needed: create, list or revoke; see deliverybot help hooks"],
    [["rotate"], 'unknown subcommand "rotate": create, list or revoke; see deliverybot help hooks'],
    [["create", "acme/shop"], "usage: deliverybot hooks create <owner/repo> <name>"],
    [["revoke"], "usage: deliverybot hooks revoke <hook-id>"],
    [["list", "shop"], 'the repository must be owner/name, got "shop"'],
    [
      ["list", "--token", "x"],
      "the admin token is read from the ADMIN_TOKEN environment variable only, never a flag (shell history); see deliverybot help hooks",
    ],
    [["list", "--url"], "--url needs a value; see deliverybot help hooks"],
  ])("%j is a usage error", async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: "", stderr: `deliverybot hooks: ${message}\n` });
  });

  it("asks for ADMIN_TOKEN when it is not set", async () => {
    const result = await run(["list"], { ADMIN_TOKEN: undefined });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "deliverybot hooks: set ADMIN_TOKEN to the admin token the app was started with (an environment variable, not a flag)\n",
    );
  });
});
