/** The longest wait a receiver may ask for: beyond that the queue's own backoff decides. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * How long a receiver asked to be left alone, from its `Retry-After` header: seconds (`120`) or an
 * HTTP date, in milliseconds from `now`, at most an hour (a receiver cannot park a notification
 * for days). Undefined when there is no header or it cannot be read.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // Only dates with letters: Date.parse would read "7.5" or "-1" as dates of the year 2001.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}
