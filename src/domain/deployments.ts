import type { JsonValue } from "./json-value.js";

/** The body of `POST /repos/{owner}/{repo}/deployments`, ready to send. */
export interface DeploymentRequest {
  readonly ref: string;
  readonly task: string;
  readonly auto_merge: boolean;
  /** Omitted: GitHub verifies every context. */
  readonly required_contexts?: string[];
  readonly payload: { [key: string]: JsonValue };
  readonly environment: string;
  readonly description: string;
  readonly transient_environment: boolean;
  readonly production_environment: boolean;
}

/**
 * How long the watchdog lets a deployment Deliverybot created wait for its first status, and stay
 * `in_progress`, before marking it `error` (the target's `stuck_after` and `timeout`).
 */
export interface DeploymentWatch {
  readonly stuckAfterMs: number;
  readonly timeoutMs: number;
}

/** A deploy that was triggered and is waiting for its gates. */
export interface PendingDeploy {
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly trigger: "push" | "pull_request" | "promotion" | "command" | "hook" | "admin" | "dashboard" | "protection_rule";
}

/**
 * What started a deployment: Deliverybot's auto-deploy, a promotion, a PR command, a deploy hook,
 * the CLI (the admin API), the dashboard, or anyone else (`external`: a workflow, a person, another tool).
 */
export const DEPLOYMENT_TRIGGERS = ["auto", "promotion", "command", "hook", "cli", "dashboard", "external"] as const;
export type DeploymentTrigger = (typeof DEPLOYMENT_TRIGGERS)[number];

/** A GitHub deployment as seen in our own responses and in `deployment` webhooks. */
export interface DeploymentRecord {
  /** GitHub's deployment id. */
  readonly id: number;
  readonly repoId: number;
  readonly environment: string;
  readonly sha: string;
  readonly ref: string;
  readonly task: string;
  readonly target: string | null;
  readonly pr: number | null;
  readonly transient: boolean;
  readonly createdAt: Date;
  /** Who asked for it: the command's author, else GitHub's `creator` (an app's bot for auto-deploys); null when not known yet. */
  readonly creator: string | null;
  /** Null when not known yet (our own record before GitHub's webhook says more). */
  readonly trigger: DeploymentTrigger | null;
  /** The deployment's description, when it has one. */
  readonly description: string | null;
}

/** One `deployment_status` as GitHub reported it. */
export interface DeploymentStatusRecord {
  /** GitHub's status id. */
  readonly id: number;
  readonly deploymentId: number;
  readonly state: string;
  readonly description: string | null;
  readonly environmentUrl: string | null;
  readonly logUrl: string | null;
  readonly createdAt: Date;
}
