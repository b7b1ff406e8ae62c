import { describe, expect, it } from "@jest/globals";
import { deployment } from "../helpers/github-responses.js";
import { ADMIN_TOKEN, expectInstalled, expectNotInstalled, newAdminTestRepo, type AdminTestRepo } from "./admin-fixtures.js";
import { useHookServer } from "./hook-server.js";

const HEAD = "1".repeat(40);
const CONFIG = "version: 2\ntargets:\n  production:\n    required_contexts: []\n    hooks: [dockerhub]\n";

interface CreatedHook {
  readonly id: string;
  readonly name: string;
  readonly repository: string;
  readonly url: string;
  readonly token: string;
}

/** The admin API behind `deliverybot hooks`, end to end: real HTTP into the running app, GitHub mocked. */
describe("admin API: /admin/hooks", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  const admin = (method: string, path: string, init: { body?: string; token?: string | null } = {}) =>
    fetch(`${server.base}${path}`, {
      method,
      headers: {
        ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? ADMIN_TOKEN}` }),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });

  async function create(r: AdminTestRepo, name = "dockerhub"): Promise<CreatedHook> {
    expectInstalled(github, r);
    const response = await admin("POST", "/admin/hooks", { body: JSON.stringify({ repository: r.fullName, name }) });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return (await response.json()) as CreatedHook;
  }

  describe("POST /admin/hooks", () => {
    it("creates a hook for the app's installation, and its token deploys through the hook right away", async () => {
      const r = newAdminTestRepo();

      const created = await create(r);

      expect(created).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
        name: "dockerhub",
        repository: r.fullName,
        url: `${server.base}/hooks/deploy/${created.id}`,
        token: expect.any(String),
      });
      github.done();
      expect(await server.store().findHook(created.id)).toMatchObject({
        repoId: r.repoId,
        owner: "acme",
        repo: r.repo,
        installationId: r.installationId,
        name: "dockerhub",
      });

      // The installation token is cached from the lookup: the hook goes straight to the config.
      github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG });
      github.expect("GET", r.api, { status: 200, body: { id: r.repoId, name: r.repo, default_branch: "main" } });
      github.expect("GET", `${r.api}/commits/main`, { status: 200, body: { sha: HEAD } });
      github.expect("POST", `${r.api}/deployments`, { status: 201, body: deployment(901, HEAD) });
      const deploy = await fetch(created.url, { method: "POST", headers: { "x-deploy-secret": created.token } });

      expect(deploy.status).toBe(201);
      expect(await deploy.json()).toMatchObject({ status: "deployed", deployment: 901, sha: HEAD });
      github.done();
    });

    it("answers 404 when the app is not installed on the repository, and stores nothing", async () => {
      const r = newAdminTestRepo();
      expectNotInstalled(github, r);
      const before = (await server.store().listHooks()).length;

      const response = await admin("POST", "/admin/hooks", { body: JSON.stringify({ repository: r.fullName, name: "ci" }) });

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: `the app is not installed on ${r.fullName}` });
      expect(await server.store().listHooks()).toHaveLength(before);
      github.done();
    });

    it.each([
      ["bad JSON", "{", /not valid JSON/],
      ["an array", "[]", /expected JSON \{"repository": "owner\/name", "name": "dockerhub"\}/],
      ["no repository", JSON.stringify({ name: "dockerhub" }), /"repository" is missing/],
      ["no name", JSON.stringify({ repository: "acme/shop" }), /"name" is missing/],
      ["a repository without owner", JSON.stringify({ repository: "shop", name: "dockerhub" }), /must be owner\/name/],
      ["a bad name", JSON.stringify({ repository: "acme/shop", name: "Docker_Hub" }), /invalid hook name "Docker_Hub"/],
    ])("answers 400 to %s without asking GitHub", async (_name, body, message) => {
      const response = await admin("POST", "/admin/hooks", { body });

      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
      expect(github.requests).toEqual([]);
    });

    it("answers 413 to a body over 64 KB", async () => {
      const body = JSON.stringify({ repository: "acme/shop", name: "dockerhub", padding: "x".repeat(65 * 1024) });

      const response = await admin("POST", "/admin/hooks", { body });

      expect(response.status).toBe(413);
      expect(github.requests).toEqual([]);
    });
  });

  describe("GET /admin/hooks", () => {
    it("lists hooks without their token or its hash, and filters by repository", async () => {
      const r = newAdminTestRepo();
      const other = newAdminTestRepo();
      const first = await create(r, "dockerhub");
      const second = await create(r, "ci");
      await create(other, "dockerhub");

      const response = await admin("GET", `/admin/hooks?repository=${r.fullName.toUpperCase()}`);
      const text = await response.text();

      expect(response.status).toBe(200);
      expect(JSON.parse(text)).toEqual({
        hooks: [
          { id: first.id, name: "dockerhub", repository: r.fullName, createdAt: expect.any(String), revokedAt: null },
          { id: second.id, name: "ci", repository: r.fullName, createdAt: expect.any(String), revokedAt: null },
        ],
      });
      const hash = (await server.store().findHook(first.id))?.tokenHash ?? "missing";
      for (const secret of [first.token, second.token, hash]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/token/i);

      const all = (await (await admin("GET", "/admin/hooks")).json()) as { hooks: { repository: string }[] };
      expect(all.hooks.map((hook) => hook.repository)).toEqual(expect.arrayContaining([r.fullName, other.fullName]));
    });

    it("answers 400 to a repository filter that is not owner/name", async () => {
      const response = await admin("GET", "/admin/hooks?repository=shop");

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'repository must be owner/name, got "shop"' });
    });
  });

  describe("DELETE /admin/hooks/<id>", () => {
    it("revokes a hook: its URL answers 404 from then on, and the list shows when", async () => {
      const r = newAdminTestRepo();
      const created = await create(r);

      const response = await admin("DELETE", `/admin/hooks/${created.id}`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ revoked: true });
      const hook = await fetch(created.url, { method: "POST", headers: { "x-deploy-secret": created.token } });
      expect(hook.status).toBe(404);
      const listed = (await (await admin("GET", `/admin/hooks?repository=${r.fullName}`)).json()) as {
        hooks: { revokedAt: string | null }[];
      };
      expect(listed.hooks[0]?.revokedAt).toEqual(expect.any(String));
      // Revoking again finds no active hook.
      expect((await admin("DELETE", `/admin/hooks/${created.id}`)).status).toBe(404);
    });

    it("answers 404 for an unknown hook", async () => {
      const response = await admin("DELETE", `/admin/hooks/${"A".repeat(22)}`);

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: `no active hook "${"A".repeat(22)}"` });
    });
  });

  describe("authentication", () => {
    it.each([
      ["no Authorization header", null],
      ["a wrong token", "x".repeat(ADMIN_TOKEN.length)],
      ["a wrong token of another length", "short"],
      ["a hook's token in place of the admin token", "y".repeat(43)],
    ])("answers 401 to %s, whatever the route, and does nothing", async (_name, token) => {
      const r = newAdminTestRepo();
      const before = await server.store().listHooks();

      for (const [method, path, body] of [
        ["GET", "/admin/hooks", undefined],
        ["POST", "/admin/hooks", JSON.stringify({ repository: r.fullName, name: "dockerhub" })],
        ["DELETE", `/admin/hooks/${before[0]?.id ?? "A".repeat(22)}`, undefined],
      ] as const) {
        const response = await admin(method, path, { token, ...(body === undefined ? {} : { body }) });
        expect([method, response.status]).toEqual([method, 401]);
        expect(await response.json()).toEqual({ error: "unauthorized" });
      }
      expect(await server.store().listHooks()).toEqual(before);
      expect(github.requests).toEqual([]);
    });

    it("refuses a Basic Authorization header carrying the right token", async () => {
      const response = await fetch(`${server.base}/admin/hooks`, { headers: { authorization: `Basic ${ADMIN_TOKEN}` } });

      expect(response.status).toBe(401);
    });
  });

  it("answers 405 to other methods", async () => {
    const response = await admin("PUT", "/admin/hooks");

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });
});
