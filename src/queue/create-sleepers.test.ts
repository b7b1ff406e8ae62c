import { describe, expect, it } from "@jest/globals";
import { createSleepers, waitForLoops } from "./create-sleepers.js";

const LONG = 60_000;
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("createSleepers", () => {
  it("wakes one sleeping loop per wake-up", async () => {
    const sleepers = createSleepers(2);
    const first = sleepers.sleep(LONG);
    const second = sleepers.sleep(LONG);

    sleepers.wake();

    expect([await settled(first), await settled(second)]).toEqual([true, false]);
    sleepers.stop();
  });

  it("owes a wake-up no loop was asleep for to the next sleep, at most one per loop", async () => {
    const sleepers = createSleepers(2);
    sleepers.wake();
    sleepers.wake();
    sleepers.wake();

    const owed = [await settled(sleepers.sleep(LONG)), await settled(sleepers.sleep(LONG)), await settled(sleepers.sleep(LONG))];

    expect(owed).toEqual([true, true, false]);
    sleepers.stop();
  });

  it("wakes every loop on stop and lets none sleep until restarted", async () => {
    const sleepers = createSleepers(1);
    const asleep = sleepers.sleep(LONG);

    sleepers.stop();
    const afterStop = sleepers.sleep(LONG);

    expect([await settled(asleep), await settled(afterStop), sleepers.stopped]).toEqual([true, true, true]);
    sleepers.restart();
    expect(sleepers.stopped).toBe(false);
  });
});

describe("waitForLoops", () => {
  it("is true when the loops end in time, false when they do not", async () => {
    await expect(waitForLoops([Promise.resolve()], 1_000)).resolves.toBe(true);
    await expect(waitForLoops([new Promise<void>(() => undefined)], 10)).resolves.toBe(false);
  });
});
