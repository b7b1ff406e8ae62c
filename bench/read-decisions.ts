/** The counter of decisions by reason code in the app's `/metrics`. */
const DECISIONS = /^deliverybot_decisions_total\{reason="([a-z_]+)"\} ([0-9.e+]+)$/;

/**
 * The decisions the app has recorded so far, by reason code, from `GET /metrics` (the app started
 * with `METRICS_TOKEN` set to `token`); undefined when it serves no metrics (an older build).
 */
export async function readDecisionCounts(appUrl: string, token: string): Promise<Record<string, number> | undefined> {
  const response = await fetch(`${appUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}: ${await response.text()}`);
  const counts: Record<string, number> = {};
  for (const line of (await response.text()).split("\n")) {
    const match = DECISIONS.exec(line);
    if (match?.[1] !== undefined) counts[match[1]] = Number(match[2]);
  }
  return counts;
}
