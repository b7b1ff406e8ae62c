import { describe, expect, it } from "@jest/globals";
import { useHookServer } from "./hook-server.js";

const HEAD = "4".repeat(40);
const CONFIG = `version: 2
targets:
  production:
    required_contexts: []
    hooks: [ci]
`;

/** A hook request GitHub could not serve: 503, and the sender is told when to come back. */
describe("deploy hooks when GitHub fails", () => {
  const server = useHookServer();
  const { github } = server;

  async function callWhileGitHubAnswers(reply: { status: number; body: unknown; headers?: Record<string, string> }) {
    const h = await server.createTestHook("ci");
    server.expectConfig(h, CONFIG);
    server.expectDefaultHead(h, HEAD);
    github.expect("POST", `${h.api}/deployments`, reply);
    const response = await fetch(h.url, { method: "POST", headers: { "x-deploy-secret": h.token } });
    github.done();
    return response;
  }

  it("asks the sender to come back when GitHub's rate limit says", async () => {
    const response = await callWhileGitHubAnswers({
      status: 429,
      body: { message: "You have exceeded a secondary rate limit." },
      headers: { "retry-after": "90" },
    });

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("90");
    expect(await response.json()).toMatchObject({ error: "github_unavailable" });
  });

  it("asks the sender to come back in 30 s when GitHub answers 5xx", async () => {
    const response = await callWhileGitHubAnswers({ status: 502, body: { message: "Bad Gateway" } });

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
  });
});
