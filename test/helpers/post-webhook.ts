import { request, type Agent } from "node:http";
import type { SignedWebhook } from "./webhook-events.js";

/**
 * POSTs one signed webhook as GitHub does (JSON, `X-GitHub-Event`, `X-GitHub-Delivery`,
 * `X-Hub-Signature-256`) through `agent`; resolves with the HTTP status once the answer has been
 * read, rejects when the connection fails (refused, reset).
 */
export function postWebhook(agent: Agent, url: string, webhook: SignedWebhook): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": webhook.body.length,
          "user-agent": "GitHub-Hookshot/test",
          "x-github-event": webhook.name,
          "x-github-delivery": webhook.id,
          "x-hub-signature-256": webhook.signature,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(webhook.body);
  });
}
