import { describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { useHookServer } from "./hook-server.js";

const HEAD = "1".repeat(40);
const CONFIG = "version: 2\ntargets:\n  production:\n    required_contexts: []\n    hooks: [dockerhub]\n";

interface LogLine {
  readonly name?: string;
  readonly msg?: string;
}

/**
 * Tokens stay out of the logs: Deliverybot's own lines never carry one, and the line Probot's
 * access log prints (its message; the default format prints nothing else of a request) shows a
 * `?token=` redacted.
 */
describe("deploy hook logs", () => {
  const lines: string[] = [];
  const server = useHookServer({ log: pino({ level: "trace" }, { write: (line: string) => lines.push(line) }) });
  const { github } = server;

  it("never print a hook token, right or wrong, in a header or the URL", async () => {
    const h = await server.createTestHook();
    const wrong = "w".repeat(43);
    github.installationToken(h.hook.installationId);
    github.expect("GET", `${h.api}/contents/.github%2Fdeploy.yml`, { status: 200, body: CONFIG, times: 2 });
    github.expect("GET", h.api, { status: 200, body: { default_branch: "main" }, times: 2 });
    github.expect("GET", `${h.api}/commits/main`, { status: 200, body: { sha: HEAD }, times: 2 });
    server.expectDeployment(h, 601, HEAD);
    github.expect("POST", `${h.api}/deployments`, { status: 500, body: { message: "Server Error" } });

    const statuses = [
      (await fetch(`${h.url}?token=${wrong}`, { method: "POST" })).status,
      (await fetch(h.url, { method: "POST", headers: { "x-deploy-secret": wrong } })).status,
      (await fetch(`${h.url}?token=${h.token}`, { method: "POST" })).status,
      (await fetch(h.url, { method: "POST", headers: { "x-deploy-secret": h.token, "x-request-id": "again" } })).status,
    ];
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(statuses).toEqual([401, 401, 201, 503]);
    const parsed = lines.map((line) => JSON.parse(line) as LogLine);
    const access = parsed.filter((line) => line.name === "http").map((line) => line.msg ?? "");
    const redacted = new RegExp(`^POST /hooks/deploy/${h.hook.id}\\?token=%5Bredacted%5D 201 - \\d+ms$`);
    expect(access.filter((msg) => redacted.test(msg))).toHaveLength(1);
    for (const text of [...access, ...lines.filter((_line, i) => parsed[i]?.name !== "http")]) {
      expect(text).not.toContain(h.token);
      expect(text).not.toContain(wrong);
    }
    github.done();
  });
});
