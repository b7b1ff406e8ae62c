import { Agent } from "node:http";
import { postWebhook } from "../test/helpers/post-webhook.js";
import type { SignedWebhook } from "../test/helpers/webhook-events.js";

/** What sending a batch of webhooks measured. */
export interface SendResult {
  /** Per webhook, from writing the request to the end of the answer, in ms. */
  readonly latenciesMs: number[];
  /** From the first request to the last answer, in ms. */
  readonly wallMs: number;
  /** Answers by HTTP status. */
  readonly statuses: ReadonlyMap<number, number>;
}

/** Where the webhooks go and how many are in flight at once. */
export interface SendOptions {
  /** E.g. `http://127.0.0.1:3000/api/github/webhooks`. */
  readonly url: string;
  readonly concurrency: number;
}

/** Milliseconds on the clock the fake GitHub stamps requests with (epoch, sub-millisecond). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * POSTs every webhook as GitHub does (JSON, `X-GitHub-Event`, `X-GitHub-Delivery`,
 * `X-Hub-Signature-256`) over keep-alive connections, `concurrency` at a time, each connection
 * sending its next webhook as soon as the previous one is answered.
 */
export async function sendWebhooks(webhooks: readonly SignedWebhook[], options: SendOptions): Promise<SendResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = nowMs();
  const worker = async (): Promise<void> => {
    while (next < webhooks.length) {
      const webhook = webhooks[next++];
      if (webhook === undefined) return;
      const sent = nowMs();
      const status = await postWebhook(agent, options.url, webhook);
      latenciesMs.push(nowMs() - sent);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { latenciesMs, wallMs: nowMs() - started, statuses };
}

/** Sends one webhook on its own connection; resolves with the HTTP status. */
export function sendWebhook(url: string, webhook: SignedWebhook): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  return postWebhook(agent, url, webhook).finally(() => agent.destroy());
}
