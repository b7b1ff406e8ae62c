/** The app's delivery queue as `GET /healthz` reports it. */
export interface QueueCounts {
  readonly queued: number;
  readonly running: number;
  readonly parked: number;
}

/** What `GET /healthz` answers (`queue` is absent from builds older than the durable queue). */
export interface Health {
  readonly status: string;
  readonly queue?: QueueCounts;
}

/** `GET <appUrl>/healthz`, or `undefined` when the app does not answer (within 5 s) or answers no JSON. */
export async function readHealth(appUrl: string): Promise<Health | undefined> {
  try {
    const response = await fetch(`${appUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return (await response.json()) as Health;
  } catch {
    return undefined;
  }
}
