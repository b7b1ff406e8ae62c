import type { FakeFailure, FakeRoute } from "./fake-github-types.js";
import type { RouteResponse } from "./route-handler.js";

/** Faults queued per route, answered in the order they were queued. */
export interface FaultInjector {
  /** The next `n` requests to `route` are answered with `failure`. */
  failNext(route: FakeRoute, n: number, failure: FakeFailure): void;
  /** Takes the next queued fault for `route`, if any. */
  take(route: string): RouteResponse | undefined;
}

/** An injector with nothing queued. */
export function createFaultInjector(): FaultInjector {
  const queued = new Map<string, Array<{ remaining: number; failure: FakeFailure }>>();
  return {
    failNext(route, n, failure) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`failNext: n must be a positive integer, got ${n}`);
      const list = queued.get(route) ?? [];
      list.push({ remaining: n, failure });
      queued.set(route, list);
    },
    take(route) {
      const head = queued.get(route)?.[0];
      if (head === undefined) return undefined;
      head.remaining -= 1;
      if (head.remaining === 0) queued.get(route)?.shift();
      const { status, body, headers } = head.failure;
      return { status, body: body ?? { message: `Injected ${status}` }, headers: { ...headers } };
    },
  };
}
