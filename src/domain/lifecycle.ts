/**
 * Where a deployment is, in Deliverybot's words: `created` (GitHub has it; nobody picked it up
 * yet), `started` (a listener is shipping it), `succeeded`, `failed`, or `inactive` (replaced, or
 * its pull request closed).
 */
export const LIFECYCLE_STATES = ["created", "started", "succeeded", "failed", "inactive"] as const;

export type Lifecycle = (typeof LIFECYCLE_STATES)[number];

/** GitHub's deployment status states, and the lifecycle state each means. */
export const GITHUB_STATE_LIFECYCLE: Readonly<Record<string, Lifecycle>> = {
  queued: "created",
  pending: "created",
  in_progress: "started",
  success: "succeeded",
  failure: "failed",
  error: "failed",
  inactive: "inactive",
};

/** The lifecycle state a GitHub deployment status state means; undefined for a state GitHub does not document. */
export function lifecycleOf(state: string): Lifecycle | undefined {
  return Object.hasOwn(GITHUB_STATE_LIFECYCLE, state) ? GITHUB_STATE_LIFECYCLE[state] : undefined;
}
