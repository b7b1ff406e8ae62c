import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import type { Logger } from "probot";
import { createDeliveryWorkers, type DeliveryWorkerOptions, type DeliveryWorkers } from "../../src/queue/delivery-workers.js";
import { RetryLater } from "../../src/queue/retry-later.js";
import { backoff } from "../../src/queue/retry-policy.js";
import { createPgliteStore } from "../../src/store/create-pglite-store.js";
import type { ClaimedDelivery, DeliveryRecord, NewDelivery } from "../../src/store/delivery-store.js";
import type { Store } from "../../src/store/store.js";
import { enqueueOne } from "../store/store-fixtures.js";

const DAY_MS = 86_400_000;
const LONG_LEASE_MS = 60_000;
/** Longer than any test: a worker that waits for the poll interval makes its test fail. */
const LONG_POLL_MS = 60_000;
/** How long a test waits for something that should happen at once before it says what did not. */
const GUARD_MS = 10_000;

let store: Store;
let days = 0;
let nextRepoId = 7_000_000_000;

beforeAll(async () => {
  store = await createPgliteStore();
});
afterAll(() => store.close());

const started: DeliveryWorkers[] = [];
afterEach(async () => {
  // Every test's workers stop promptly: a loop left asleep would make stop() time out.
  const drained = [];
  for (const workers of started.splice(0)) drained.push(await workers.stop(GUARD_MS));
  expect(drained.every(Boolean)).toBe(true);
});

/**
 * A moment earlier than any earlier test's: the file's tests share the store's queue, and a test
 * that claims before everything other tests queued never sees their deliveries.
 */
function earlierThanOtherTests(): number {
  days += 1;
  return Date.UTC(2000, 0, 1) - days * DAY_MS;
}

/** A clock that stands still until the test moves it. */
function frozenClock() {
  let ms = earlierThanOtherTests();
  return {
    now: () => new Date(ms),
    advance(by: number) {
      ms += by;
    },
    at: (offset: number) => new Date(ms + offset),
  };
}

/** A clock that runs with the wall clock, from a moment earlier than other tests'. */
function runningClock() {
  const origin = earlierThanOtherTests();
  const startedAt = Date.now();
  return { now: () => new Date(origin + Date.now() - startedAt), origin };
}

function newRepoId(): number {
  nextRepoId += 1;
  return nextRepoId;
}

function delivery(repoId = newRepoId()): NewDelivery {
  const id = randomUUID();
  return { id, event: "push", action: null, repoId, installationId: 1, payload: JSON.stringify({ id }) };
}

/** A logger that keeps what the workers said. */
function recordingLog() {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (_fields: unknown, message?: string) => {
    lines.push({ level, message: message ?? "" });
  };
  const log = {
    trace: at("trace"),
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    fatal: at("fatal"),
    child: () => log,
  };
  return { log: log as unknown as Logger, lines };
}

function workers(options: Partial<DeliveryWorkerOptions> & Pick<DeliveryWorkerOptions, "process" | "now">): DeliveryWorkers {
  const created = createDeliveryWorkers({
    store,
    log: recordingLog().log,
    concurrency: 1,
    leaseMs: LONG_LEASE_MS,
    pollMs: LONG_POLL_MS,
    ...options,
  });
  started.push(created);
  return created;
}

/** A promise to resolve from outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Waits for `promise`, failing with `what` if it does not settle within {@link GUARD_MS}. */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${GUARD_MS} ms`)), GUARD_MS);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with each delivery as it is processed; `processed(id)` waits for one. */
function processedTracker() {
  const waiting = new Map<string, () => void>();
  const done = new Set<string>();
  return {
    record(id: string) {
      done.add(id);
      waiting.get(id)?.();
    },
    processed(id: string): Promise<void> {
      if (done.has(id)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}

async function record(id: string): Promise<DeliveryRecord | undefined> {
  const listed = await store.listDeliveries({ statuses: ["queued", "running", "parked"], limit: 1000 });
  return listed.find((r) => r.id === id);
}

function answered(status: number, message: string, headers: Record<string, string> = {}): RequestError {
  const url = "https://api.github.com/repos/acme/shop/contents/.github%2Fdeploy.yml";
  return new RequestError(message, status, {
    request: { method: "GET", url, headers: {} },
    response: { status, url, headers, data: { message } },
  });
}

describe("delivery workers: outcomes", () => {
  it("completes a delivery that processes without error", async () => {
    const clock = frozenClock();
    const d = delivery();
    const seen: ClaimedDelivery[] = [];
    await enqueueOne(store, d, clock.now());

    const processed = await workers({ now: clock.now, process: async (c) => void seen.push(c) }).runUntilIdle();

    expect(processed).toBe(1);
    expect(seen).toEqual([{ ...d, token: expect.any(String), attempts: 1, receivedAt: clock.now() }]);
    expect(await record(d.id)).toBeUndefined();
    expect(await enqueueOne(store, d, clock.now())).toBe("duplicate");
  });

  it("retries a delivery GitHub answered with 502 after the backoff, counting the attempt and keeping the error", async () => {
    const clock = frozenClock();
    const d = delivery();
    const attempts: number[] = [];
    const w = workers({
      now: clock.now,
      process: async (c) => {
        attempts.push(c.attempts);
        throw answered(502, "Bad Gateway");
      },
    });
    const failedAt = clock.now().getTime();
    await enqueueOne(store, d, clock.now());

    await w.runUntilIdle();
    const afterFirst = await record(d.id);
    clock.advance(backoff(1) - 1);
    const tooEarly = await w.runUntilIdle();
    clock.advance(1);
    await w.runUntilIdle();
    const afterSecond = await record(d.id);

    expect(afterFirst).toMatchObject({
      status: "queued",
      attempts: 1,
      error: "HTTP 502: Bad Gateway",
      nextAttemptAt: new Date(failedAt + 2_000),
    });
    expect(tooEarly).toBe(0);
    expect(attempts).toEqual([1, 2]);
    expect(afterSecond).toMatchObject({ status: "queued", attempts: 2, nextAttemptAt: new Date(failedAt + 2_000 + 4_000) });
  });

  it.each([
    [
      "403 with retry-after (a secondary rate limit)",
      answered(403, "You have exceeded a secondary rate limit", { "retry-after": "120" }),
    ],
    ["429 with retry-after", answered(429, "Too Many Requests", { "retry-after": "120" })],
  ])("retries a %s when GitHub said, without counting the attempt", async (_name, error) => {
    const clock = frozenClock();
    const d = delivery();
    const attempts: number[] = [];
    const w = workers({
      now: clock.now,
      process: async (c) => {
        attempts.push(c.attempts);
        throw error;
      },
    });
    const limitedAt = clock.now().getTime();
    await enqueueOne(store, d, clock.now());

    await w.runUntilIdle();
    const waiting = await record(d.id);
    clock.advance(119_999);
    const tooEarly = await w.runUntilIdle();
    clock.advance(1);
    await w.runUntilIdle();

    expect(waiting).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: new Date(limitedAt + 120_000) });
    expect(waiting?.error).toContain(`HTTP ${error.status}: `);
    expect(tooEarly).toBe(0);
    expect(attempts).toEqual([1, 1]);
  });

  it("retries work that threw RetryLater at its time, without counting the attempt", async () => {
    const clock = frozenClock();
    const d = delivery();
    await enqueueOne(store, d, clock.now());
    const retryAt = clock.at(45_000);
    const w = workers({
      now: clock.now,
      process: async () => {
        throw new RetryLater("another process is deploying this commit", retryAt);
      },
    });

    await w.runUntilIdle();

    expect(await record(d.id)).toMatchObject({
      status: "queued",
      attempts: 0,
      error: "another process is deploying this commit",
      nextAttemptAt: retryAt,
    });
  });

  it("parks a delivery that throws a plain Error on its fifth attempt, with the last error", async () => {
    const clock = frozenClock();
    const d = delivery();
    let calls = 0;
    const w = workers({
      now: clock.now,
      process: async () => {
        calls += 1;
        throw new Error(`broken payload (${calls})`);
      },
    });
    await enqueueOne(store, d, clock.now());

    const statuses: (string | undefined)[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await w.runUntilIdle();
      statuses.push((await record(d.id))?.status);
      clock.advance(backoff(attempt));
    }
    clock.advance(DAY_MS / 2);
    await w.runUntilIdle();

    expect(statuses).toEqual(["queued", "queued", "queued", "queued", "parked"]);
    expect(calls).toBe(5);
    expect(await record(d.id)).toMatchObject({ status: "parked", attempts: 5, error: "broken payload (5)", nextAttemptAt: null });
  });

  it("waits out GitHub being unavailable longer: a 503 parks only on the twentieth attempt", async () => {
    const clock = frozenClock();
    const d = delivery();
    let calls = 0;
    const w = workers({
      now: clock.now,
      process: async () => {
        calls += 1;
        throw answered(503, "Service Unavailable");
      },
    });
    await enqueueOne(store, d, clock.now());

    for (let attempt = 1; attempt <= 19; attempt += 1) {
      await w.runUntilIdle();
      clock.advance(backoff(attempt));
    }
    const before = await record(d.id);
    await w.runUntilIdle();

    expect(before).toMatchObject({ status: "queued", attempts: 19 });
    expect(calls).toBe(20);
    expect(await record(d.id)).toMatchObject({ status: "parked", attempts: 20, error: "HTTP 503: Service Unavailable" });
  });
});

describe("delivery workers: leases", () => {
  it("keeps extending the lease while a slow delivery runs: another claimer never gets it", async () => {
    const leaseMs = 300;
    const clock = runningClock();
    const d = delivery();
    await enqueueOne(store, d, clock.now());
    const probedPastLeases = deferred();
    const probes: { at: number; claimed: string | undefined }[] = [];
    let probing = true;
    let prober: Promise<void> | undefined;
    // Another worker, claiming every 20 ms while the delivery runs.
    const probe = async () => {
      while (probing) {
        const at = clock.now();
        const claimed = await store.claimDelivery(at, leaseMs);
        probes.push({ at: at.getTime(), claimed: claimed?.id });
        // Without a heartbeat, the claim's lease (and two more) would have run out by now.
        if (at.getTime() >= clock.origin + 3 * leaseMs) probedPastLeases.resolve();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const w = workers({
      now: clock.now,
      leaseMs,
      process: async () => {
        prober = probe();
        await within(probedPastLeases.promise, "probing for three leases");
      },
    });

    await w.runUntilIdle();
    probing = false;
    await prober;

    expect(probes.at(-1)?.at).toBeGreaterThanOrEqual(clock.origin + 3 * leaseMs);
    expect(probes.filter((p) => p.claimed !== undefined)).toEqual([]);
    expect(await record(d.id)).toBeUndefined();
  });
});

describe("delivery workers: running loops", () => {
  it("processes a delivery queued right after start() when woken, without waiting for the poll interval", async () => {
    const clock = frozenClock();
    const tracker = processedTracker();
    const w = workers({ now: clock.now, concurrency: 2, process: async (c) => tracker.record(c.id) });
    const d = delivery();

    w.start();
    await enqueueOne(store, d, clock.now());
    w.wake();

    await within(tracker.processed(d.id), "processing the delivery queued right after start()");
    expect(await record(d.id)).toBeUndefined();
  });

  it("does not lose a wake() that comes while every worker is claiming: they look again instead of sleeping", async () => {
    const clock = frozenClock();
    const tracker = processedTracker();
    const held = { all: deferred(), count: 0, gate: deferred() };
    let holding = true;
    const w = workers({
      now: clock.now,
      concurrency: 2,
      process: async (c) => tracker.record(c.id),
      store: {
        ...store,
        // Both workers look at an empty queue, then are held before they can go to sleep.
        claimDelivery: async (...args) => {
          const result = await store.claimDelivery(...args);
          if (holding) {
            held.count += 1;
            if (held.count === 2) held.all.resolve();
            await held.gate.promise;
          }
          return result;
        },
      },
    });
    const d = delivery();

    w.start();
    await within(held.all.promise, "both workers claiming");
    await enqueueOne(store, d, clock.now());
    w.wake();
    holding = false;
    held.gate.resolve();

    await within(tracker.processed(d.id), "processing the delivery queued during the claims");
  });

  it("processes a delivery queued while the workers sleep when woken", async () => {
    const clock = frozenClock();
    const tracker = processedTracker();
    const claimed = { idle: deferred(), count: 0 };
    const w = workers({
      now: clock.now,
      concurrency: 2,
      process: async (c) => tracker.record(c.id),
      store: {
        ...store,
        claimDelivery: async (...args) => {
          const result = await store.claimDelivery(...args);
          claimed.count += 1;
          if (result === undefined && claimed.count >= 2) claimed.idle.resolve();
          return result;
        },
      },
    });
    const d = delivery();

    w.start();
    await within(claimed.idle.promise, "both workers finding the queue empty");
    // Going to sleep after an empty claim takes only microtasks: they are asleep after this.
    await new Promise((resolve) => setImmediate(resolve));
    await enqueueOne(store, d, clock.now());
    w.wake();

    await within(tracker.processed(d.id), "processing the delivery queued while the workers slept");
  });

  it("holds back while webhooks keep arriving, but never so long that steady traffic stops processing", async () => {
    const clock = frozenClock();
    const tracker = processedTracker();
    const w = workers({ now: clock.now, concurrency: 1, process: async (c) => tracker.record(c.id) });
    const d = delivery();
    await enqueueOne(store, d, clock.now());
    // Webhooks arriving every millisecond, without end: each wake() says one was just queued.
    const traffic = setInterval(() => w.wake(), 1);

    try {
      w.start();
      w.wake();
      await within(tracker.processed(d.id), "processing a delivery under steady webhook traffic");
    } finally {
      clearInterval(traffic);
    }
  });

  it("lets one claim through every 50 ms between all its loops while webhooks keep arriving", async () => {
    const clock = frozenClock();
    const tracker = processedTracker();
    const claimedAt: number[] = [];
    const w = workers({
      now: clock.now,
      concurrency: 4,
      // PGlite's statements block this thread, on a busy machine for longer than the 5 ms that tells
      // steady webhooks from a pause: a wider gap keeps the traffic below steady in the workers' eyes.
      ingestGapMs: 200,
      // When each claim is asked of the store: right after the loop was let through.
      store: {
        ...store,
        claimDelivery: (now, leaseMs) => {
          claimedAt.push(performance.now());
          return store.claimDelivery(now, leaseMs);
        },
      },
      process: async (c) => tracker.record(c.id),
    });
    const queued = [delivery(), delivery(), delivery(), delivery()];
    for (const d of queued) await enqueueOne(store, d, clock.now());
    const traffic = setInterval(() => w.wake(), 1);

    try {
      w.start();
      w.wake();
      await within(Promise.all(queued.map((d) => tracker.processed(d.id))), "processing four deliveries under steady traffic");
    } finally {
      clearInterval(traffic);
    }

    // Measured where the workers decide, so a slow claim or process cannot shorten a gap.
    const gaps = claimedAt.slice(1).map((at, i) => at - (claimedAt[i] ?? at));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(49);
  });

  it("stop() waits for the delivery in progress and resolves true once it finished", async () => {
    const clock = frozenClock();
    const running = deferred();
    const release = deferred();
    let finished = false;
    const w = workers({
      now: clock.now,
      concurrency: 2,
      process: async () => {
        running.resolve();
        await release.promise;
        finished = true;
      },
    });
    const d = delivery();
    w.start();
    await enqueueOne(store, d, clock.now());
    w.wake();
    await within(running.promise, "the delivery starting");

    const stopping = w.stop(GUARD_MS).then((drained) => ({ drained, finished }));
    release.resolve();

    expect(await stopping).toEqual({ drained: true, finished: true });
    expect(await record(d.id)).toBeUndefined();
  });

  it("stop() resolves false when the delivery in progress outlasts the timeout, and claims nothing more", async () => {
    const clock = frozenClock();
    const running = deferred();
    const release = deferred();
    const seen: string[] = [];
    const w = workers({
      now: clock.now,
      process: async (c) => {
        seen.push(c.id);
        running.resolve();
        await release.promise;
      },
    });
    const [first, second] = [delivery(), delivery()];
    w.start();
    await enqueueOne(store, first, clock.now());
    w.wake();
    await within(running.promise, "the delivery starting");
    await enqueueOne(store, second, clock.now());

    const drained = await w.stop(50);
    release.resolve();
    const drainedLater = await w.stop(GUARD_MS);

    expect([drained, drainedLater]).toEqual([false, true]);
    expect(seen).toEqual([first.id]);
    expect(await record(second.id)).toMatchObject({ status: "queued" });
  });

  it("stop() resolves true at once when the workers are idle", async () => {
    const clock = frozenClock();
    const claims = { idle: deferred(), count: 0 };
    const w = workers({
      now: clock.now,
      concurrency: 3,
      process: async () => {},
      store: {
        ...store,
        claimDelivery: async (...args) => {
          const result = await store.claimDelivery(...args);
          claims.count += 1;
          if (claims.count >= 3) claims.idle.resolve();
          return result;
        },
      },
    });

    w.start();
    await within(claims.idle.promise, "the workers finding the queue empty");

    expect(await within(w.stop(GUARD_MS), "stopping idle workers")).toBe(true);
  });

  it("keeps claiming after the store failed to claim, and processes work once the store answers again", async () => {
    const clock = frozenClock();
    const tracker = processedTracker();
    const failures = { twice: deferred(), count: 0 };
    let storeDown = true;
    const { log, lines } = recordingLog();
    const w = workers({
      now: clock.now,
      log,
      pollMs: 20,
      process: async (c) => tracker.record(c.id),
      store: {
        ...store,
        claimDelivery: async (...args) => {
          if (storeDown) {
            failures.count += 1;
            if (failures.count === 2) failures.twice.resolve();
            throw new Error("Connection terminated unexpectedly");
          }
          return store.claimDelivery(...args);
        },
      },
    });
    const d = delivery();

    w.start();
    await within(failures.twice.promise, "two failed claims");
    storeDown = false;
    await enqueueOne(store, d, clock.now());

    await within(tracker.processed(d.id), "processing after the store recovered");
    expect(lines.filter((l) => l.level === "error").map((l) => l.message)).toContain(
      "could not claim a delivery; trying again shortly",
    );
  });

  it("processes different repositories at once but never two deliveries of one repository", async () => {
    const clock = frozenClock();
    const [repoA, repoB, repoC] = [newRepoId(), newRepoId(), newRepoId()];
    const queued = [delivery(repoA), delivery(repoA), delivery(repoB), delivery(repoA), delivery(repoB), delivery(repoC)];
    const repoOf = new Map(queued.map((d) => [d.id, d.repoId]));
    const running = new Map<number, string>();
    const overlaps: string[] = [];
    const order: string[] = [];
    const threeAtOnce = deferred();
    let mostAtOnce = 0;
    const tracker = processedTracker();
    const w = workers({
      now: clock.now,
      concurrency: 3,
      process: async (c) => {
        const other = running.get(c.repoId);
        if (other !== undefined) overlaps.push(`${other} and ${c.id}`);
        running.set(c.repoId, c.id);
        order.push(c.id);
        mostAtOnce = Math.max(mostAtOnce, running.size);
        if (running.size === 3) threeAtOnce.resolve();
        // The first three wait until all three run at once; every one takes a moment, so an overlap would show.
        await within(threeAtOnce.promise, "three deliveries running at once");
        await new Promise((resolve) => setTimeout(resolve, 10));
        running.delete(c.repoId);
        tracker.record(c.id);
      },
    });
    for (const d of queued) await enqueueOne(store, d, clock.now());

    w.start();
    w.wake();
    await within(Promise.all(queued.map((d) => tracker.processed(d.id))), "processing all six deliveries");

    expect(mostAtOnce).toBe(3);
    expect(overlaps).toEqual([]);
    for (const repo of [repoA, repoB, repoC]) {
      const queuedOfRepo = queued.filter((d) => d.repoId === repo).map((d) => d.id);
      expect(order.filter((id) => repoOf.get(id) === repo)).toEqual(queuedOfRepo);
    }
  });
});
