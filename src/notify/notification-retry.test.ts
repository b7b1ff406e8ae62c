import { describe, expect, it } from "@jest/globals";
import { MAX_NOTIFY_ATTEMPTS, nextNotificationStep } from "./notification-retry.js";

const NOW = new Date("2026-12-07T12:00:00Z");
const after = (ms: number) => ({ kind: "retry", runAt: new Date(NOW.getTime() + ms) });

describe("nextNotificationStep", () => {
  it.each([
    [1, 10_000],
    [2, 30_000],
    [3, 90_000],
    [4, 270_000],
    [7, 3_600_000],
  ])("waits longer after each failure: attempt %i waits %i ms", (attempts, wait) => {
    expect(nextNotificationStep({ kind: "retry", error: "answered 503" }, attempts, NOW)).toEqual(after(wait));
  });

  it("waits at least as long as Retry-After asks, at most an hour", () => {
    expect(nextNotificationStep({ kind: "retry", error: "answered 429", retryAfterMs: 120_000 }, 1, NOW)).toEqual(after(120_000));
    expect(nextNotificationStep({ kind: "retry", error: "answered 429", retryAfterMs: 9e9 }, 1, NOW)).toEqual(after(3_600_000));
  });

  it("parks after the last attempt, saying so", () => {
    expect(nextNotificationStep({ kind: "retry", error: "timed out after 10 s" }, MAX_NOTIFY_ATTEMPTS, NOW)).toEqual({
      kind: "park",
      error: `gave up after ${MAX_NOTIFY_ATTEMPTS} attempts: timed out after 10 s`,
    });
  });

  it("parks a refusal at once: it would be refused again", () => {
    expect(nextNotificationStep({ kind: "refused", error: "answered 410: channel_is_archived" }, 1, NOW)).toEqual({
      kind: "park",
      error: "answered 410: channel_is_archived",
    });
  });
});
