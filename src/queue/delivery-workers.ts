import type { Logger } from "probot";
import { MalformedPayload } from "../events/malformed-payload.js";
import { classifyGitHubFault } from "../github/github-fault.js";
import type { ClaimedDelivery } from "../store/delivery-store.js";
import type { Store } from "../store/store.js";
import { createSleepers, waitForLoops } from "./create-sleepers.js";
import { RetryLater } from "./retry-later.js";
import { nextRetryStep } from "./retry-policy.js";

/** How the workers run. */
export interface DeliveryWorkerOptions {
  readonly store: Store;
  /** Processes one delivery; throwing retries it later (or parks it). */
  readonly process: (delivery: ClaimedDelivery) => Promise<void>;
  readonly now: () => Date;
  readonly log: Logger;
  /** Deliveries processed at once by this process. */
  readonly concurrency: number;
  /** How long a claim holds without a heartbeat; a worker that died loses its deliveries after this. */
  readonly leaseMs: number;
  /** How often an idle worker looks for work queued by other processes (its own process wakes it at once). */
  readonly pollMs: number;
  /**
   * Deliveries queued less than this apart count as webhooks that keep arriving, and make the workers
   * hold back (default 5 ms). Tests on a busy machine, whose statements may block the thread longer
   * than that, widen it so that steady traffic still looks steady.
   */
  readonly ingestGapMs?: number;
}

/** The workers of one process. */
export interface DeliveryWorkers {
  /** Starts the worker loops. */
  start(): void;
  /**
   * Says this process just queued a delivery: one idle worker looks at once, and while deliveries
   * keep arriving the workers hold back briefly before each claim (acknowledging comes first).
   */
  wake(): void;
  /** Processes due deliveries one by one until none is left (tests, without starting the loops). */
  runUntilIdle(): Promise<number>;
  /** Stops claiming and waits for the deliveries in progress to finish, at most `timeoutMs`; true when they did. */
  stop(timeoutMs: number): Promise<boolean>;
}

/** Webhooks arriving less than this apart make the workers hold back (see `yieldToIngest`). */
const INGEST_GAP_MS = 5;
/** How often a loop that holds back looks again. */
const INGEST_CHECK_MS = 5;
/** While webhooks keep arriving, the loops of a process claim one delivery this often between them. */
const MAX_INGEST_WAIT_MS = 50;

/** Defaults for production: four at a time, a 30 s lease kept alive every 10 s, polling every second. */
export const DEFAULT_WORKER_SETTINGS = { concurrency: 4, leaseMs: 30_000, pollMs: 1_000 } as const;

/**
 * Workers over the store's durable queue. Each loop claims a delivery, keeps its lease alive while
 * processing it, and records the outcome: done, retried after a backoff (or when GitHub's rate limit
 * resets), or parked after too many attempts. A store failure never ends a loop.
 */
export function createDeliveryWorkers(options: DeliveryWorkerOptions): DeliveryWorkers {
  const { store, log } = options;
  const sleepers = createSleepers(options.concurrency);
  const { sleep, wake } = sleepers;
  let loops: Promise<void>[] = [];
  // When this process last queued a delivery, and when a loop last went ahead while webhooks kept
  // arriving (performance.now()).
  let lastQueuedAt = Number.NEGATIVE_INFINITY;
  let lastFloodClaimAt = Number.NEGATIVE_INFINITY;
  /**
   * Answering GitHub comes first: before each claim, waiting I/O gets its turn, and while webhooks
   * keep arriving (less than `ingestGapMs` apart) the loops hold back: one of them goes ahead every
   * MAX_INGEST_WAIT_MS, so a flood slows processing down to that pace but never stops it. Once the
   * webhooks pause, every loop runs at full speed and the queue catches up.
   */
  const ingestGapMs = options.ingestGapMs ?? INGEST_GAP_MS;
  async function yieldToIngest(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (!sleepers.stopped && performance.now() - lastQueuedAt < ingestGapMs) {
      if (performance.now() - lastFloodClaimAt >= MAX_INGEST_WAIT_MS) {
        lastFloodClaimAt = performance.now();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, INGEST_CHECK_MS));
    }
  }

  async function runOne(delivery: ClaimedDelivery): Promise<void> {
    const heartbeat = setInterval(() => {
      const until = new Date(options.now().getTime() + options.leaseMs);
      store
        .extendDeliveryLease(delivery.id, delivery.token, until)
        .then((held) => {
          if (!held) log.warn({ delivery: delivery.id }, "lost the lease of a delivery still in progress");
        })
        .catch((error: unknown) => log.warn({ err: error, delivery: delivery.id }, "could not extend a delivery's lease"));
    }, options.leaseMs / 3);
    heartbeat.unref();
    try {
      await settle(delivery);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function settle(delivery: ClaimedDelivery): Promise<void> {
    const context = { delivery: delivery.id, event: delivery.event, attempt: delivery.attempts };
    let failure: unknown;
    try {
      await options.process(delivery);
    } catch (error) {
      failure = error;
    }
    const now = options.now();
    if (failure === undefined) {
      if (!(await store.completeDelivery(delivery.id, delivery.token, now))) {
        log.warn(context, "processed a delivery whose lease another worker had taken");
      }
      return;
    }
    const fault =
      failure instanceof RetryLater
        ? { kind: "rate_limited" as const, retryAt: failure.retryAt, message: failure.message }
        : classifyGitHubFault(failure, now);
    // A malformed payload would fail the same way every time: parked at once.
    const step = failure instanceof MalformedPayload ? { kind: "park" as const } : nextRetryStep(fault, delivery.attempts, now);
    const recorded =
      step.kind === "park"
        ? await store.parkDelivery(delivery.id, delivery.token, now, fault.message)
        : await store.retryDelivery(delivery.id, delivery.token, {
            runAt: step.runAt,
            error: fault.message,
            countAttempt: step.countAttempt,
          });
    if (!recorded) {
      log.warn({ ...context, error: fault.message }, "a delivery failed after another worker had taken its lease");
    } else if (step.kind === "park") {
      log.error({ ...context, error: fault.message }, "delivery parked; see `deliverybot events`");
    } else {
      log.warn({ ...context, error: fault.message, retryAt: step.runAt.toISOString() }, "delivery failed; retrying later");
    }
  }

  async function claim(): Promise<ClaimedDelivery | undefined> {
    return store.claimDelivery(options.now(), options.leaseMs);
  }

  async function loop(): Promise<void> {
    while (!sleepers.stopped) {
      await yieldToIngest();
      let delivery: ClaimedDelivery | undefined;
      try {
        delivery = await claim();
      } catch (error) {
        log.error({ err: error }, "could not claim a delivery; trying again shortly");
        await sleep(options.pollMs);
        continue;
      }
      if (delivery === undefined) {
        await sleep(options.pollMs);
        continue;
      }
      // There may be more: another loop looks while this one works.
      wake();
      await runOne(delivery).catch((error: unknown) =>
        log.error({ err: error, delivery: delivery.id }, "could not record a delivery's outcome; its lease will run out"),
      );
    }
  }

  return {
    start() {
      sleepers.restart();
      loops = Array.from({ length: options.concurrency }, () => loop());
    },
    wake() {
      lastQueuedAt = performance.now();
      wake();
    },
    async runUntilIdle() {
      let processed = 0;
      for (let delivery = await claim(); delivery !== undefined; delivery = await claim()) {
        await runOne(delivery);
        processed += 1;
      }
      return processed;
    },
    async stop(timeoutMs) {
      sleepers.stop();
      return waitForLoops(loops, timeoutMs);
    },
  };
}
