import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import type { ProbotOctokit } from "probot";
import { createOctokitClass, DO_NOT_RETRY, retryBriefWaits } from "../src/github/create-octokit-class.js";
import { classifyGitHubFault, type GitHubFault } from "../src/github/github-fault.js";
import { mockGitHub, type MockReply } from "./helpers/mock-github.js";
import { createTestProbot } from "./helpers/probot-app.js";

type Octokit = InstanceType<typeof ProbotOctokit>;
type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

const INSTALLATION_ID = 7;
const REPO = "/repos/acme/shop";
const DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
const SECONDARY = { message: "You have exceeded a secondary rate limit.", documentation_url: DOCS };
const PRIMARY = { message: "API rate limit exceeded for installation ID 7.", documentation_url: DOCS };

/** The production class with the plugins' waits in milliseconds instead of seconds, so retries take no real time. */
function fastRetries(Octokit: typeof ProbotOctokit): typeof ProbotOctokit {
  return Octokit.defaults((options: OctokitOptions) => ({
    ...options,
    throttle: { ...options.throttle, retryAfterBaseValue: 1 },
    retry: { retryAfterBaseValue: 1 },
  })) as typeof ProbotOctokit;
}

describe("retryBriefWaits", () => {
  const log = { warn: () => undefined };
  const request = { method: "GET", url: "/repos/{owner}/{repo}" };

  it.each([
    [0, 0, true],
    [10, 0, true],
    [11, 0, false],
    [60, 0, false],
    [3600, 0, false],
    [1, 1, false],
  ])("a wait of %i s on retry %i: retry in-process %s", (retryAfter, retryCount, expected) => {
    expect(retryBriefWaits("rate limit", 10)(retryAfter, request, { log }, retryCount)).toBe(expected);
  });
});

describe("createOctokitClass with Probot", () => {
  const github = mockGitHub();
  afterEach(() => github.reset());

  async function installationOctokit(): Promise<Octokit> {
    const probot = await createTestProbot(() => undefined, { Octokit: fastRetries(createOctokitClass()) });
    github.installationToken(INSTALLATION_ID);
    return probot.auth(INSTALLATION_ID);
  }

  /** Sends one GET through the installation Octokit: its fault, or "ok". */
  async function getRepo(octokit: Octokit): Promise<GitHubFault | "ok"> {
    try {
      await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "shop" });
      return "ok";
    } catch (error) {
      return classifyGitHubFault(error, new Date());
    }
  }

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it.each<[string, MockReply[], GitHubFault["kind"] | "ok"]>([
    [
      "a secondary limit asking 3 s is retried once, then surfaces",
      [{ status: 403, body: SECONDARY, headers: { "retry-after": "3" }, times: 2 }],
      "rate_limited",
    ],
    [
      "a secondary limit asking 3 s is retried once and can succeed",
      [
        { status: 403, body: SECONDARY, headers: { "retry-after": "3" } },
        { status: 200, body: { id: 1 } },
      ],
      "ok",
    ],
    [
      "a secondary limit asking 11 s surfaces at once",
      [{ status: 403, body: SECONDARY, headers: { "retry-after": "11" } }],
      "rate_limited",
    ],
    ["a secondary limit naming no time (a minute) surfaces at once", [{ status: 403, body: SECONDARY }], "rate_limited"],
    [
      "a primary limit that has just reset is retried once, then surfaces",
      [
        {
          status: 403,
          body: PRIMARY,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(nowSeconds() - 10) },
          times: 2,
        },
      ],
      "rate_limited",
    ],
    [
      "a primary limit resetting in an hour surfaces at once (Probot's default would wait twice in-process)",
      [
        {
          status: 403,
          body: PRIMARY,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(nowSeconds() + 3600) },
        },
      ],
      "rate_limited",
    ],
    ["a 429 is not retried by the retry plugin", [{ status: 429, body: { message: "Too Many Requests" } }], "rate_limited"],
    ["a 502 is retried once, then surfaces", [{ status: 502, body: { message: "Server Error" }, times: 2 }], "unavailable"],
    [
      "a 502 is retried once and can succeed",
      [
        { status: 502, body: { message: "Server Error" } },
        { status: 200, body: { id: 1 } },
      ],
      "ok",
    ],
    ["a 404 is not retried", [{ status: 404, body: { message: "Not Found" } }], "failed"],
  ])("%s", async (_name, replies, expected) => {
    const octokit = await installationOctokit();
    for (const reply of replies) github.expect("GET", REPO, reply);

    const result = await getRepo(octokit);

    expect(result === "ok" ? "ok" : result.kind).toBe(expected);
    github.done();
  });

  it("surfaces a long wait with the time GitHub asked for, for the queue", async () => {
    const octokit = await installationOctokit();
    const reset = nowSeconds() + 1800;
    github.expect("GET", REPO, {
      status: 403,
      body: PRIMARY,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    });

    expect(await getRepo(octokit)).toEqual({
      kind: "rate_limited",
      retryAt: new Date(reset * 1000),
      message: expect.any(String),
    });
    github.done();
  });

  it("replaces only the rate limit handlers: Probot's other throttle options stay (Redis connection, Bottleneck, id)", async () => {
    const seen: OctokitOptions[] = [];
    const connection = { fake: "Bottleneck.IORedisConnection" };
    const Bottleneck = { fake: "Bottleneck" };
    const Capturing = createOctokitClass().plugin((_octokit, options) => {
      seen.push(options);
    });
    const probotHandler = () => true;

    new Capturing({
      throttle: {
        enabled: true,
        id: "7",
        connection,
        Bottleneck,
        onRateLimit: probotHandler,
        onSecondaryRateLimit: probotHandler,
      },
    });

    const throttle = seen[0]?.throttle as Record<string, unknown> & { onRateLimit: ReturnType<typeof retryBriefWaits> };
    expect(throttle).toMatchObject({ enabled: true, id: "7", connection, Bottleneck });
    expect(throttle.onRateLimit).not.toBe(probotHandler);
    expect(throttle.onRateLimit(60, { method: "GET", url: "/x" }, { log: { warn: () => undefined } }, 0)).toBe(false);
    expect(seen[0]?.retry).toEqual({ retries: 1, doNotRetry: DO_NOT_RETRY });
    expect(DO_NOT_RETRY).toContain(429);
  });
});

describe("createOctokitClass request timeout", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  /** A local server answering with `handler`, and the number of requests it got. */
  async function serve(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ): Promise<{ baseUrl: string; hits: () => number }> {
    let hits = 0;
    server = createServer((req, res) => {
      hits += 1;
      handler(req, res);
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, hits: () => hits };
  }

  function octokitFor(baseUrl: string): Octokit {
    const Octokit = fastRetries(createOctokitClass({ requestTimeoutMs: 150 }));
    return new Octokit({ baseUrl, auth: { token: "test-token" }, throttle: { enabled: false } });
  }

  it("fails a request GitHub never answers as unavailable, retrying once with a fresh time limit", async () => {
    const { baseUrl, hits } = await serve(() => undefined);

    const error = await octokitFor(baseUrl)
      .request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "shop" })
      .catch((failure: unknown) => failure);

    expect(classifyGitHubFault(error, new Date())).toEqual({
      kind: "unavailable",
      message: "no answer from GitHub: timed out after 150 ms",
    });
    expect(hits()).toBe(2);
  });

  it("fails a request whose body stalls midway", async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": 1, "name": "sh');
    });

    const error = await octokitFor(baseUrl)
      .request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "shop", request: { retries: 0 } })
      .catch((failure: unknown) => failure);

    expect(classifyGitHubFault(error, new Date())).toMatchObject({ kind: "unavailable" });
  });

  it("leaves answers within the limit alone, also after a request timed out", async () => {
    const { baseUrl } = await serve((req, res) => {
      if (req.url === "/repos/acme/slow") return;
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", etag: '"e1"' });
        res.end(JSON.stringify({ id: 1, name: "shop" }));
      }, 30);
    });
    const octokit = octokitFor(baseUrl);

    await expect(
      octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "slow", request: { retries: 0 } }),
    ).rejects.toThrow("timed out after 150 ms");
    const response = await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "shop" });

    expect(response).toMatchObject({ status: 200, data: { id: 1, name: "shop" }, headers: { etag: '"e1"' } });
    expect(response.url).toBe(`${baseUrl}/repos/acme/shop`);
  });
});
