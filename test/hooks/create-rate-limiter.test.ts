import { describe, expect, it } from "@jest/globals";
import { createRateLimiter } from "../../src/hooks/create-rate-limiter.js";

function limiter(maxKeys?: number) {
  let now = 0;
  const limit = createRateLimiter({
    capacity: 10,
    refillEveryMs: 6_000,
    now: () => now,
    ...(maxKeys === undefined ? {} : { maxKeys }),
  });
  return {
    take: (key = "hook") => limit.take(key),
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("createRateLimiter", () => {
  it("allows a burst of 10, then says when to try again", () => {
    const l = limiter();

    const burst = Array.from({ length: 10 }, () => l.take().allowed);
    const eleventh = l.take();

    expect(burst).toEqual(Array.from({ length: 10 }, () => true));
    expect(eleventh).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it("gives one request back every 6 s, never more than the burst", () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) l.take();

    l.advance(3_000);
    const halfway = l.take();
    l.advance(3_000);
    const refilled = l.take();
    l.advance(3_600_000);
    const afterAnHour = Array.from({ length: 11 }, () => l.take().allowed);

    expect(halfway).toEqual({ allowed: false, retryAfterSeconds: 3 });
    expect(refilled).toEqual({ allowed: true });
    expect(afterAnHour.filter(Boolean)).toHaveLength(10);
  });

  it("limits each key on its own", () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) l.take("a");

    expect(l.take("a").allowed).toBe(false);
    expect(l.take("b").allowed).toBe(true);
  });

  it("forgets only full buckets when it holds too many keys: a limited hook stays limited", () => {
    const l = limiter(2);
    l.take("idle");
    l.advance(60_000);
    for (let i = 0; i < 10; i += 1) l.take("busy");

    const third = l.take("third");

    expect(third.allowed).toBe(true);
    expect(l.take("busy").allowed).toBe(false);
  });
});
