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

/** A deploy that was triggered and is waiting for its gates. */
export interface PendingDeploy {
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly trigger: "push" | "pull_request" | "command" | "hook" | "admin";
}

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
