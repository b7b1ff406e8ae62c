/** How the loops of a pool of workers wait for work, and are woken when some arrives. */
export interface Sleepers {
  /** Waits `ms`, or until woken; not at all once stopped, or when a wake-up is owed. */
  sleep(ms: number): Promise<void>;
  /**
   * Wakes one sleeping loop; when none sleeps (all are busy or looking), the next loop about to
   * sleep looks again instead, so work queued while they were looking is not slept through.
   */
  wake(): void;
  /** Wakes every loop and lets none sleep any more. */
  stop(): void;
  /** Lets loops sleep again (after `stop`). */
  restart(): void;
  readonly stopped: boolean;
}

/**
 * The sleepers of `loops` worker loops. One loop per wake-up: waking them all for every item would
 * make each of them claim it (a herd of empty claims); a loop that finds work passes the wake-up on.
 * Sleeping loops never keep the process alive.
 */
export function createSleepers(loops: number): Sleepers {
  const sleeping = new Set<() => void>();
  let owed = 0;
  let stopped = false;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (stopped) return resolve();
        if (owed > 0) {
          owed -= 1;
          return resolve();
        }
        const done = () => {
          clearTimeout(timer);
          sleeping.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        timer.unref();
        sleeping.add(done);
      }),
    wake() {
      const sleeper = sleeping.values().next();
      if (sleeper.done === true) owed = Math.min(owed + 1, loops);
      else sleeper.value();
    },
    stop() {
      stopped = true;
      for (const done of [...sleeping]) done();
    },
    restart() {
      stopped = false;
    },
    get stopped() {
      return stopped;
    },
  };
}

/** Waits for the loops to end, at most `timeoutMs`; true when they did. */
export async function waitForLoops(loops: readonly Promise<void>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const result = await Promise.race([Promise.all(loops).then(() => true as const), timedOut]);
  clearTimeout(timer);
  return result;
}
