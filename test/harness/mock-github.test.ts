import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { GITHUB_API, mockGitHub } from "../helpers/mock-github.js";

const github = mockGitHub();
afterEach(() => github.reset());

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${GITHUB_API}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

function octokit(): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: "test-token" }, retry: { enabled: false }, throttle: { enabled: false } });
}

describe("mockGitHub", () => {
  it("answers, records and accepts a valid createDeployment", async () => {
    const seen: unknown[] = [];
    github.expect("POST", "/repos/o/r/deployments", { status: 201, body: { id: 42 } }, (body) => seen.push(body));

    const response = await octokit().rest.repos.createDeployment({
      owner: "o",
      repo: "r",
      ref: "abc",
      auto_merge: false,
      required_contexts: [],
    });

    expect(response.data).toEqual({ id: 42 });
    expect(seen).toEqual([{ ref: "abc", auto_merge: false, required_contexts: [] }]);
    expect(github.requests).toMatchObject([
      { method: "POST", path: "/repos/o/r/deployments", status: 201, headers: { authorization: "token test-token" } },
    ]);
    expect(() => github.done()).not.toThrow();
  });

  it("replies as configured to a body GitHub's OpenAPI description rejects, then fails done()", async () => {
    github.expect("POST", "/repos/o/r/deployments", { status: 201, body: { id: 1 } });

    const response = await post("/repos/o/r/deployments", { ref: "abc", auto_merge: "yes" });

    expect(response.status).toBe(201);
    expect(() => github.done()).toThrow(
      /Requests GitHub's OpenAPI description rejects:\n {2}- POST \/repos\/o\/r\/deployments \(repos\/create-deployment\): body\/auto_merge must be boolean/,
    );
  });

  it("fails done() for operations GitHub does not have", async () => {
    github.expect("POST", "/repos/o/r/merges", { status: 201, body: {} });

    await post("/repos/o/r/merges", { base: "main", head: "x" });

    expect(() => github.done()).toThrow("POST /repos/o/r/merges: no such operation in GitHub's OpenAPI description");
  });

  it("fails done() for expectations that were not used", () => {
    github.expect("GET", "/repos/o/r/deployments", { status: 200, body: [] });
    github.expect("POST", "/repos/o/r/deployments", { status: 201, body: {}, times: 2 });

    expect(() => github.done()).toThrow(
      "Expectations not (fully) used:\n  - GET /repos/o/r/deployments → 200 (wanted 1 request(s), got 0)\n  - POST /repos/o/r/deployments → 201 (wanted 2 request(s), got 0)",
    );
  });

  it("rejects unmatched requests for the caller and reports them, body validated", async () => {
    github.expect("GET", "/repos/o/r/deployments", { status: 200, body: [] });

    await expect(post("/repos/o/r/deployments", { ref: 5 })).rejects.toThrow("Nock: No match for request");
    await fetch(`${GITHUB_API}/repos/o/r/deployments`);

    const message = errorOf(() => github.done());
    expect(message).toContain(`Requests no expectation matched:\n  - POST /repos/o/r/deployments {"ref":5}`);
    expect(message).toContain("POST /repos/o/r/deployments (repos/create-deployment): body/ref must be string");
    expect(github.requests.map((r) => r.status)).toEqual([undefined, 200]);
  });

  it("reports unmatched requests made before any expectation", async () => {
    await expect(
      octokit().request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: "o",
        repo: "r",
        issue_number: 1,
        body: "hi",
      }),
    ).rejects.toThrow();

    expect(() => github.done()).toThrow(`POST /repos/o/r/issues/1/comments {"body":"hi"}`);
  });

  it("matches Octokit's encoded paths against decoded expectations and serves raw text", async () => {
    github.expect("GET", "/repos/o/r/contents/.github/deploy.yml", { status: 200, body: "production: {}\n" });

    const response = await octokit().request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: "o",
      repo: "r",
      path: ".github/deploy.yml",
      mediaType: { format: "raw" },
    });

    expect(response.data).toBe("production: {}\n");
    expect(github.requests[0]?.path).toBe("/repos/o/r/contents/.github%2Fdeploy.yml");
    github.done();
  });

  it("scripts conditional requests and leaves token exchanges and 304s out of the rate-limit count", async () => {
    const path = "/repos/o/r/contents/.github%2Fdeploy.yml";
    github.expect("POST", "/app/installations/1/access_tokens", {
      status: 201,
      body: { token: "t", expires_at: "2030-01-01T00:00:00Z" },
    });
    github.expect("GET", path, { status: 304, ifNoneMatch: '"abc"' });
    github.expect("GET", path, { status: 200, body: "a: 1\n", headers: { etag: '"abc"' } });

    await post("/app/installations/1/access_tokens", {});
    const first = await fetch(`${GITHUB_API}${path}`);
    const second = await fetch(`${GITHUB_API}${path}`, { headers: { "if-none-match": first.headers.get("etag") ?? "" } });

    expect([first.status, second.status]).toEqual([200, 304]);
    expect(github.requests).toHaveLength(3);
    expect(github.rateLimitedCount()).toBe(1);
    github.done();
  });

  it("supports times and persist", async () => {
    github.expect("GET", "/repos/o/r/deployments", { status: 200, body: [], times: 2 });
    github.expect("GET", /\/commits\/[^/]+\/status$/, { status: 200, body: { state: "success" }, persist: true });

    for (let i = 0; i < 2; i += 1) await fetch(`${GITHUB_API}/repos/o/r/deployments?per_page=100`);
    for (let i = 0; i < 3; i += 1) await fetch(`${GITHUB_API}/repos/o/r/commits/abc/status`);

    expect(github.rateLimitedCount()).toBe(5);
    github.done();
  });

  it("reports failed request assertions", async () => {
    github.expect("POST", "/repos/o/r/deployments", { status: 201, body: {} }, (body) =>
      expect(body).toMatchObject({ environment: "staging" }),
    );

    await post("/repos/o/r/deployments", { ref: "abc", environment: "production" });

    expect(() => github.done()).toThrow(
      /Failed request assertions:\n {2}- POST \/repos\/o\/r\/deployments: expect\(received\)\.toMatchObject/,
    );
  });

  it("lets requests to loopback servers through", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
    } finally {
      server.close();
    }
    expect(github.requests).toEqual([]);
    github.done();
  });

  it("reports requests to other hosts", async () => {
    await expect(fetch("https://example.com/x")).rejects.toThrow();

    expect(() => github.done()).toThrow("GET https://example.com/x");
  });
});

function errorOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected a throw");
}
