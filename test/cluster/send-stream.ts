import { Agent } from "node:http";
import { postWebhook } from "../helpers/post-webhook.js";
import type { SignedWebhook } from "../helpers/webhook-events.js";

/** How the stream is sent. */
export interface StreamOptions {
  /** Units in flight at once (a unit's webhooks are sent together). */
  readonly concurrency: number;
  /** Called after each unit is answered, with how many units have been (for kill and restart triggers). */
  readonly onUnitDone?: (done: number) => void;
  /** A pause before each unit, per sending slot, to stretch the stream out over time (default none). */
  readonly pauseMs?: number;
}

/** What sending the stream saw. */
export interface StreamResult {
  /** Webhooks sent (each counted once, however often it had to be re-sent). */
  readonly webhooks: number;
  /** HTTP requests made, re-sends included. */
  readonly requests: number;
  /** Requests that failed without an answer (the instance went away) and were sent again elsewhere. */
  readonly resent: number;
  /** Final answers by HTTP status. */
  readonly statuses: ReadonlyMap<number, number>;
  /** Webhooks no instance answered after every retry. */
  readonly lost: readonly string[];
}

/** How often a webhook whose connection failed is tried again, on the next instance not marked down. */
const MAX_TRIES = 40;
const RETRY_PAUSE_MS = 50;
/** An instance whose connection failed gets no requests for this long (a load balancer's passive health check). */
const DOWN_FOR_MS = 500;

/**
 * Sends units of webhooks to `urls` (the instances' webhook URLs) over keep-alive connections, as a load
 * balancer would: request n goes to instance n mod size, so a unit's webhooks reach different instances
 * at the same moment. A request that gets no answer (connection refused or reset: the instance died) is
 * sent again to the next instance, as GitHub redelivers a failed delivery, and the instance that failed
 * gets nothing for 0.5 s; an answer, whatever its status, is final.
 */
export async function sendStream(
  units: readonly (readonly SignedWebhook[])[],
  urls: readonly string[],
  options: StreamOptions,
): Promise<StreamResult> {
  const agents = urls.map(() => new Agent({ keepAlive: true, maxSockets: options.concurrency }));
  const downUntil = urls.map(() => 0);
  const statuses = new Map<number, number>();
  const lost: string[] = [];
  let requests = 0;
  let resent = 0;
  let turn = 0;
  let next = 0;
  let done = 0;

  const pickFrom = (preferred: number): number => {
    const now = Date.now();
    for (let step = 0; step < urls.length; step += 1) {
      const index = (preferred + step) % urls.length;
      if ((downUntil[index] ?? 0) <= now) return index;
    }
    return preferred % urls.length;
  };
  const deliver = async (webhook: SignedWebhook, preferred: number): Promise<void> => {
    let target = pickFrom(preferred);
    for (let tries = 1; tries <= MAX_TRIES; tries += 1) {
      requests += 1;
      try {
        const status = await postWebhook(agents[target] as Agent, urls[target] as string, webhook);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        return;
      } catch {
        if (tries === MAX_TRIES) break;
        downUntil[target] = Date.now() + DOWN_FOR_MS;
        resent += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
        target = pickFrom(target + 1);
      }
    }
    lost.push(webhook.id);
  };
  const slot = async (): Promise<void> => {
    while (next < units.length) {
      const unit = units[next++] ?? [];
      if (options.pauseMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      await Promise.all(unit.map((webhook) => deliver(webhook, turn++)));
      done += 1;
      options.onUnitDone?.(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, slot));
  } finally {
    for (const agent of agents) agent.destroy();
  }
  const webhooks = units.reduce((sum, unit) => sum + unit.length, 0);
  return { webhooks, requests, resent, statuses, lost };
}
