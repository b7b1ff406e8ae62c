import { NOTIFY_CHANNEL } from "./bench-repos.js";

/** The admin API's answer to a registration, or why the app has no channels to register. */
export type Registration = { readonly secret: string } | { readonly unavailable: string };

/**
 * Registers the bench's `webhook` channel for `owner` through the admin API (`POST /admin/notify`,
 * `allowPrivate`: the receiver is on 127.0.0.1) and resolves with the secret notifications are
 * signed with. A 404 means the app has no `/admin/notify` (an older build): unavailable.
 */
export async function registerChannel(appUrl: string, adminToken: string, owner: string, url: string): Promise<Registration> {
  const response = await fetch(`${appUrl}/admin/notify`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ owner, name: NOTIFY_CHANNEL, kind: "webhook", url, allowPrivate: true }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status === 404) return { unavailable: "the app has no notification channels (POST /admin/notify answered 404)" };
  if (response.status !== 201) throw new Error(`POST /admin/notify answered ${response.status}: ${text}`);
  const { secret } = JSON.parse(text) as { secret?: unknown };
  if (typeof secret !== "string") throw new Error(`POST /admin/notify answered 201 without a secret: ${text}`);
  return { secret };
}

/** Whether the app serves `/admin/notify` (`GET` lists channels); a reason when it does not. */
export async function checkNotifyApi(appUrl: string, adminToken: string): Promise<string | undefined> {
  const response = await fetch(`${appUrl}/admin/notify`, {
    headers: { authorization: `Bearer ${adminToken}` },
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  if (response.status === 200) return undefined;
  return `the app has no notification channels (GET /admin/notify answered ${response.status})`;
}
