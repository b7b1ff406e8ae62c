import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { Redis } from "ioredis";
import { npxImport } from "npx-import-light";
import type { Probot, ProbotOctokit } from "probot";
import { createOctokitClass } from "../src/github/create-octokit-class.js";
import { deployment } from "./helpers/github-responses.js";
import { mockGitHub } from "./helpers/mock-github.js";
import { createTestProbot } from "./helpers/probot-app.js";

// Probot's cluster throttling: with REDIS_URL, every instance's Bottleneck limiters (writes at
// least 1 s apart per installation, at most 10 requests at once…) keep their state in Redis, so
// several instances of the app together stay within what one would do.

const REDIS_URL = process.env["REDIS_URL"] || "redis://127.0.0.1:6379";
const START_REDIS =
  'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';
/** Probot keys its limiters by installation: a random one keeps this run's keys apart from any other's. */
const INSTALLATION_ID = 100_000_000 + Math.floor(Math.random() * 800_000_000);
const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";

type Octokit = InstanceType<typeof ProbotOctokit>;
/** The part of Bottleneck's `IORedisConnection` the test looks at. */
interface RedisConnection {
  readonly client: Redis;
  disconnect(flush?: boolean): Promise<unknown>;
}

describe("cluster throttling over Redis (REDIS_URL)", () => {
  const github = mockGitHub();
  const connections: RedisConnection[] = [];
  let redis: Redis;

  beforeAll(async () => {
    redis = await connectOrExplain(REDIS_URL);
    await deleteLimiterKeys(redis);
  });
  afterEach(() => github.reset());
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.disconnect(false)));
    if (redis !== undefined) {
      await deleteLimiterKeys(redis);
      redis.disconnect();
    }
  });

  /** A Probot instance as `src/main.ts` runs it (production Octokit class, `REDIS_URL`), from the given module copies. */
  async function startInstance(modules: {
    createTestProbot: typeof createTestProbot;
    createOctokitClass: typeof createOctokitClass;
  }): Promise<Probot> {
    const Octokit = modules.createOctokitClass().plugin((_octokit, options) => {
      const connection = (options.throttle as { connection?: RedisConnection } | undefined)?.connection;
      if (connection !== undefined && !connections.includes(connection)) connections.push(connection);
    });
    return modules.createTestProbot(() => undefined, { Octokit, redisConfig: REDIS_URL });
  }

  function createDeployment(octokit: Octokit, environment: string) {
    return octokit.rest.repos.createDeployment({
      owner: "acme",
      repo: "shop",
      ref: SHA,
      environment,
      auto_merge: false,
      request: { retries: 0 },
    });
  }

  it("loads ioredis 5.9.3 from node_modules, without npx", async () => {
    const ran: string[] = [];
    const imported = (await npxImport("ioredis@5.9.3", {
      onlyPackageRunner: false,
      logger: { log: (message: string) => ran.push(message) },
      exec: (command: string) => {
        ran.push(command);
        throw new Error(`npx-import-light tried to run ${command}`);
      },
    })) as { Redis: typeof Redis };

    expect(imported.Redis).toBe(Redis);
    expect(ran).toEqual([]);
  });

  it("keeps two instances' write limiter in Redis: one limiter for the installation, shared by both", async () => {
    const first = await startInstance({ createTestProbot, createOctokitClass });
    // A second copy of Probot, its Octokit plugins and ioredis, as another process would have: the
    // throttling plugin keeps its limiters in module state, which one process shares.
    let second: Probot | undefined;
    await jest.isolateModulesAsync(async () => {
      second = await startInstance({
        createTestProbot: (await import("./helpers/probot-app.js")).createTestProbot,
        createOctokitClass: (await import("../src/github/create-octokit-class.js")).createOctokitClass,
      });
    });
    if (second === undefined) throw new Error("the second instance did not start");
    github.installationToken(INSTALLATION_ID, { times: 2 });
    github.expect("POST", "/repos/acme/shop/deployments", { status: 201, body: deployment(1, SHA) }, hasEnvironment("staging"));
    github.expect(
      "POST",
      "/repos/acme/shop/deployments",
      { status: 201, body: deployment(2, SHA) },
      hasEnvironment("production"),
    );

    const [firstOctokit, secondOctokit] = await Promise.all([first.auth(INSTALLATION_ID), second.auth(INSTALLATION_ID)]);
    await Promise.all([createDeployment(firstOctokit, "staging"), createDeployment(secondOctokit, "production")]);
    github.done();

    // Both instances talk to this Redis, each over its own connection.
    expect(connections).toHaveLength(2);
    for (const connection of connections) expect(connection.client.options).toMatchObject(redisAddress(REDIS_URL));

    // The installation's limiters live in Redis…
    const keys = await limiterKeys(redis);
    expect(keys).toEqual(
      expect.arrayContaining([`b_octokit-write-${INSTALLATION_ID}_settings`, `b_octokit-global-${INSTALLATION_ID}_settings`]),
    );

    // …and the write limiter is one limiter with two clients, each of which registered its write.
    const write = `b_octokit-write-${INSTALLATION_ID}`;
    const registered = await redis.zrange(`${write}_client_last_registered`, 0, -1, "WITHSCORES");
    const clients = pairs(registered);
    expect(clients).toHaveLength(2);
    for (const [, at] of clients) expect(Number(at)).toBeGreaterThan(0);

    // Redis spaced the two writes by its minTime: the second write was scheduled after the first's
    // (both times are the limiter's own, recorded in Redis; nothing here measures the test's duration).
    const [minTime, nextRequest] = await redis.hmget(`${write}_settings`, "minTime", "nextRequest");
    expect(Number(minTime)).toBe(1000);
    const firstRegistered = Math.min(...clients.map(([, at]) => Number(at)));
    expect(Number(nextRequest) - firstRegistered).toBeGreaterThanOrEqual(2 * Number(minTime));
  });
});

/** Connects to Redis, or fails the test file saying how to start it. */
async function connectOrExplain(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let connectError: Error | undefined;
  client.on("error", (error: Error) => {
    connectError = error;
  });
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (error) {
    client.disconnect();
    const reason = connectError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(
      `Redis is not reachable at ${url} (${reason}). These tests need it; start it with\n  ${START_REDIS}\n` +
        "or point REDIS_URL at another Redis.",
      { cause: error },
    );
  }
}

/** Bottleneck's keys for this run's installation: `b_<group>-<installation>_<part>`. */
async function limiterKeys(redis: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `b_octokit-*-${INSTALLATION_ID}_*`, "COUNT", 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys.sort();
}

async function deleteLimiterKeys(redis: Redis): Promise<void> {
  const keys = await limiterKeys(redis);
  if (keys.length > 0) await redis.del(...keys);
}

function pairs(flat: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) result.push([flat[i] ?? "", flat[i + 1] ?? ""]);
  return result;
}

function redisAddress(url: string): { host: string; port: number } {
  const { hostname, port } = new URL(url);
  return { host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 6379) };
}

function hasEnvironment(environment: string) {
  return (body: unknown) => expect(body).toMatchObject({ environment });
}
