import { describe, expect, it } from "@jest/globals";
import type { GitHubFault } from "../github/github-fault.js";
import { backoff, FIRST_RETRY_MS, MAX_ATTEMPTS, MAX_RETRY_MS, nextRetryStep } from "./retry-policy.js";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const after = (ms: number) => new Date(NOW.getTime() + ms);

const unavailable: GitHubFault = { kind: "unavailable", message: "HTTP 503: Service Unavailable" };
const failed: GitHubFault = { kind: "failed", message: "TypeError: payload.commits is not iterable" };

describe("backoff", () => {
  it("waits 2 s after the first attempt and doubles with every attempt", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(backoff)).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512].map((s) => s * 1000));
  });

  it("never waits longer than 10 minutes", () => {
    expect(MAX_RETRY_MS).toBe(600_000);
    expect([10, 11, 20, 100, 1_000_000].map(backoff)).toEqual([600_000, 600_000, 600_000, 600_000, 600_000]);
  });

  it("treats attempt counts below one as the first attempt", () => {
    expect([0, -1].map(backoff)).toEqual([FIRST_RETRY_MS, FIRST_RETRY_MS]);
  });
});

describe("nextRetryStep", () => {
  it("retries a failure after the backoff of its attempt, counting the attempt", () => {
    expect(nextRetryStep(unavailable, 1, NOW)).toEqual({ kind: "retry", runAt: after(2_000), countAttempt: true });
    expect(nextRetryStep(failed, 3, NOW)).toEqual({ kind: "retry", runAt: after(8_000), countAttempt: true });
    expect(nextRetryStep(unavailable, 12, NOW)).toEqual({ kind: "retry", runAt: after(600_000), countAttempt: true });
  });

  it.each([
    { kind: "unavailable", fault: unavailable, limit: 20 },
    { kind: "failed", fault: failed, limit: 5 },
  ] as const)("parks a delivery whose fault is $kind on attempt $limit, not before", ({ kind, fault, limit }) => {
    expect(MAX_ATTEMPTS[kind]).toBe(limit);
    expect(nextRetryStep(fault, limit - 1, NOW)).toMatchObject({ kind: "retry", countAttempt: true });
    expect(nextRetryStep(fault, limit, NOW)).toEqual({ kind: "park" });
    expect(nextRetryStep(fault, limit + 1, NOW)).toEqual({ kind: "park" });
  });

  it("retries a rate limit at GitHub's time without counting the attempt, however many attempts came before", () => {
    const retryAt = after(120_000);
    const limited: GitHubFault = { kind: "rate_limited", retryAt, message: "HTTP 403: secondary rate limit" };

    for (const attempts of [1, 5, 20, 1000]) {
      expect(nextRetryStep(limited, attempts, NOW)).toEqual({ kind: "retry", runAt: retryAt, countAttempt: false });
    }
  });

  it("waits out a GitHub outage for just under two hours before parking", () => {
    let waitedMs = 0;
    for (let attempts = 1; ; attempts += 1) {
      const step = nextRetryStep(unavailable, attempts, NOW);
      if (step.kind === "park") break;
      waitedMs += step.runAt.getTime() - NOW.getTime();
    }

    // 2 s … 512 s (attempts 1–9), then 10 minutes for attempts 10–19.
    expect(waitedMs).toBe((1022 + 10 * 600) * 1000);
  });
});
