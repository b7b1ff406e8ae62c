import { describe, expect, it } from "@jest/globals";
import { runCli } from "../../src/cli/run-cli.js";
import { isAdminTokenUsable } from "../../src/web/admin-auth.js";
import { createFakeIo } from "../cli/fake-io.js";
import { ADMIN_TOKEN } from "./admin-fixtures.js";
import { useHookServer } from "./hook-server.js";

/** Without ADMIN_TOKEN the admin API does not exist: 404 like any unknown path, whatever is sent. */
describe("admin API without ADMIN_TOKEN", () => {
  const server = useHookServer({ env: {} });

  it.each([
    ["GET", "/admin/hooks"],
    ["POST", "/admin/hooks"],
    ["DELETE", `/admin/hooks/${"A".repeat(22)}`],
    ["GET", "/admin/events?all=1"],
    ["POST", "/admin/deploy"],
    ["POST", "/admin/promote"],
  ])("%s %s answers 404", async (method, path) => {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      ...(method === "POST" ? { body: JSON.stringify({ repository: "acme/shop", name: "dockerhub" }) } : {}),
    });

    expect(response.status).toBe(404);
    expect(server.github.requests).toEqual([]);
  });

  it("makes the CLI say to start the app with ADMIN_TOKEN set", async () => {
    const fake = createFakeIo();
    const io = { ...fake.io, env: { ADMIN_TOKEN, DELIVERYBOT_URL: server.base }, fetch: globalThis.fetch };

    expect(await runCli(["hooks", "list"], io)).toBe(2);
    expect(fake.stderr()).toBe(
      `deliverybot hooks: the admin API is off at ${server.base}: start the app with ADMIN_TOKEN set (at least 32 characters)\n`,
    );
  });

  it("stays off with an ADMIN_TOKEN shorter than 32 characters", () => {
    expect(isAdminTokenUsable(undefined)).toBe(false);
    expect(isAdminTokenUsable("x".repeat(31))).toBe(false);
    expect(isAdminTokenUsable("x".repeat(32))).toBe(true);
  });
});
