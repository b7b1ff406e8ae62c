import type { DeploymentTrigger, PendingDeploy } from "./deployments.js";

/** The `trigger` Deliverybot writes into its deployments' payloads, as a deployment's trigger. */
const TRIGGERS: Readonly<Record<PendingDeploy["trigger"], DeploymentTrigger>> = {
  push: "auto",
  pull_request: "auto",
  promotion: "promotion",
  command: "command",
  hook: "hook",
  admin: "cli",
  dashboard: "dashboard",
  // A job a protection rule let through deploys itself: its deployment is the workflow's.
  protection_rule: "external",
};

/**
 * What started a deployment, read from its payload: Deliverybot's own carry a `trigger` and an
 * `idempotency_key`; any other deployment is `external`.
 */
export function readDeploymentTrigger(payload: unknown): DeploymentTrigger {
  if (typeof payload !== "object" || payload === null) return "external";
  const { trigger, idempotency_key: key } = payload as { trigger?: unknown; idempotency_key?: unknown };
  if (typeof key !== "string" || typeof trigger !== "string" || !Object.hasOwn(TRIGGERS, trigger)) return "external";
  return TRIGGERS[trigger as PendingDeploy["trigger"]];
}

/** Who asked for a deployment, from its payload: the `actor` Deliverybot writes for commands and the dashboard; undefined otherwise. */
export function readDeploymentActor(payload: unknown): string | undefined {
  const actor = typeof payload === "object" && payload !== null ? (payload as { actor?: unknown }).actor : undefined;
  return typeof actor === "string" ? actor : undefined;
}
