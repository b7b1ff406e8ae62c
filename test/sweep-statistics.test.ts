import { describe, expect, it } from "@jest/globals";
import { setTimeout as sleep } from "node:timers/promises";
import { startRetrySweep, STATISTICS_INTERVAL_MS } from "../src/start-retry-sweep.js";
import { useAppTests } from "./helpers/app-harness.js";

describe("the retry sweep's statistics refresh", () => {
  const { start } = useAppTests();

  it("has the store refresh its planner statistics once an hour has passed, not on every pass", async () => {
    const h = await start();
    let refreshed = 0;
    const store = {
      ...h.sweepParts.store,
      refreshStatistics: async () => {
        refreshed += 1;
        await h.sweepParts.store.refreshStatistics();
      },
    };
    const stop = startRetrySweep({ ...h.sweepParts, store }, 5);
    try {
      await sleep(100);
      const withinTheHour = refreshed;
      h.advanceClock(STATISTICS_INTERVAL_MS);
      await waitUntil(() => refreshed > 0);
      await sleep(100);
      const afterTheHour = refreshed;

      expect(withinTheHour).toBe(0);
      expect(afterTheHour).toBe(1);
    } finally {
      stop();
    }
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 5_000 && !condition(); waited += 10) await sleep(10);
}
