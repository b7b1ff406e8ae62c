import { describe, expect, it } from "@jest/globals";
import { useDashboardServer } from "../browser/dashboard-server.js";
import { adminCliRunner } from "../cli/fake-io.js";
import { ADMIN_TOKEN } from "../hooks/admin-fixtures.js";

/**
 * `deliverybot deploy` run in-process against the whole app (useDashboardServer, no browser needed)
 * talking to the fake GitHub: what a manual trial of the CLI against the fake meets. After each test
 * the fake saw nothing unexpected and the app logged no error.
 */
describe("the admin API against the fake GitHub", () => {
  const app = useDashboardServer();
  const deploy = (argv: readonly string[]) => adminCliRunner("deploy", app.url, ADMIN_TOKEN)(argv);

  it("deploys acme/shop's default branch with `deliverybot deploy`: the repository looked up by name, then deployed, all through the fake", async () => {
    const { github } = app;
    const head = github.resolveRef("acme/shop", "main") ?? "";
    const since = performance.timeOrigin + performance.now();

    const result = await deploy(["acme/shop", "production", "--request-id", "trial-1"]);

    expect(result).toEqual({
      code: 0,
      stdout: `Deployed ${head.slice(0, 7)} to production (target production): deployment 1.\n`,
      stderr: "",
    });
    expect(github.deployments).toEqual([
      expect.objectContaining({
        repo: "acme/shop",
        sha: head,
        environment: "production",
        payload: expect.objectContaining({ ref: "main", trigger: "admin" }),
      }),
    ]);
    const requests = github.requests.filter((r) => r.at >= since);
    expect(requests.slice(0, 3).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /repos/acme/shop/installation 200",
      "POST /app/installations/401/access_tokens 201",
      "GET /repos/acme/shop 200",
    ]);
    expect(github.problems()).toEqual([]);
  });

  it("says the app is not installed on a repository the fake does not know", async () => {
    const result = await deploy(["acme/nope", "production"]);

    expect(result).toEqual({ code: 2, stdout: "", stderr: "deliverybot deploy: the app is not installed on acme/nope\n" });
    expect(app.github.deployments.filter((d) => d.repo === "acme/nope")).toEqual([]);
    expect(app.github.countRequests({ route: "/repos/{owner}/{repo}/installation", repo: "acme/nope", status: 404 })).toBe(1);
  });
});
