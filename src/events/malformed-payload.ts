/**
 * A webhook payload that lacks what its event must carry: processing it again would fail the same
 * way, so the queue parks it at once with this message (GitHub's redelivery, or
 * `deliverybot events retry`, queues it again).
 */
export class MalformedPayload extends Error {
  readonly code = "malformed_payload";

  constructor(message: string) {
    super(message);
    this.name = "MalformedPayload";
  }
}

/** The value at `path` of `payload` when it is a non-negative integer (GitHub's ids), else throws {@link MalformedPayload}. */
export function requireId(payload: unknown, path: string): number {
  const value = valueAt(payload, path);
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new MalformedPayload(`\`${path}\` must be a GitHub id (a whole number), got ${describe(value)}`);
}

/** The value at `path` of `payload` when it is a non-empty string, else throws {@link MalformedPayload}. */
export function requireText(payload: unknown, path: string): string {
  const value = valueAt(payload, path);
  if (typeof value === "string" && value !== "") return value;
  throw new MalformedPayload(`\`${path}\` must be a non-empty string, got ${describe(value)}`);
}

/** The value at `path` when it is a time GitHub formats (ISO 8601), else throws {@link MalformedPayload}. */
export function requireTime(payload: unknown, path: string): Date {
  const time = new Date(requireText(payload, path));
  if (Number.isNaN(time.getTime()))
    throw new MalformedPayload(`\`${path}\` must be an ISO 8601 time, got ${describe(valueAt(payload, path))}`);
  return time;
}

function valueAt(payload: unknown, path: string): unknown {
  let value = payload;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
