import { Agent } from "node:http";
import { sleep } from "./child-process.js";
import { nowMs } from "./send-webhooks.js";
import { postWebhook } from "../test/helpers/post-webhook.js";
import type { SignedWebhook } from "../test/helpers/webhook-events.js";

/** When each webhook of a stream was sent and answered (epoch ms), and how. */
export interface StreamTimes {
  readonly sentAt: readonly number[];
  readonly answeredAt: readonly number[];
  /** HTTP status per webhook; 0 when the connection failed. */
  readonly statuses: readonly number[];
  /** From the first request to the last answer. */
  readonly wallMs: number;
}

/** Where a stream goes, how many webhooks are in flight at once, and how fast. */
export interface StreamOptions {
  readonly url: string;
  readonly concurrency: number;
  /** Per webhook, the index of one that must be answered before it is sent. */
  readonly after: readonly (number | undefined)[];
  /** Webhooks per second, the n-th sent no sooner than n / rate after the start; omitted: as fast as answered. */
  readonly ratePerS?: number;
}

/**
 * Sends the webhooks in order over `concurrency` keep-alive connections, each connection taking the
 * next as soon as its previous one is answered (and, with `ratePerS`, its time has come), and
 * records each webhook's times. A webhook whose `after` is still unanswered waits for it.
 */
export async function sendStream(webhooks: readonly SignedWebhook[], options: StreamOptions): Promise<StreamTimes> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const sentAt: number[] = [];
  const answeredAt: number[] = [];
  const statuses: number[] = [];
  const resolvers: (() => void)[] = [];
  const answered = webhooks.map(() => new Promise<void>((resolve) => resolvers.push(resolve)));
  let next = 0;
  const started = nowMs();
  const worker = async (): Promise<void> => {
    while (next < webhooks.length) {
      const index = next++;
      const webhook = webhooks[index];
      if (webhook === undefined) return;
      const after = options.after[index];
      if (after !== undefined) await answered[after];
      if (options.ratePerS !== undefined) await sleep(Math.max(0, started + (index * 1000) / options.ratePerS - nowMs()));
      sentAt[index] = nowMs();
      statuses[index] = await postWebhook(agent, options.url, webhook).catch(() => 0);
      answeredAt[index] = nowMs();
      resolvers[index]?.();
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { sentAt, answeredAt, statuses, wallMs: nowMs() - started };
}
