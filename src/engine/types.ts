import type { JsonValue } from "../config/model.js";
import type { ReasonCode } from "./reason-codes.js";

/** The repository an event is about, as the payload tells it. */
export interface RepoFacts {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
}

/** What started a deploy: a push to a ref, or a pull request's head. */
export type TriggerFacts =
  | { readonly kind: "push"; readonly ref: string; readonly sha: string }
  | {
      readonly kind: "pull_request";
      /** Full head ref, e.g. `refs/heads/feature`. */
      readonly ref: string;
      readonly sha: string;
      readonly pr: number;
      /** True when the head lives in another repository. */
      readonly fromFork: boolean;
      readonly draft: boolean;
    };

/** The outcome of one check as the webhooks reported it, reduced to what gating needs. */
export type CheckOutcome = "pending" | "success" | "failure";

/** The newest known state of one named check (commit status context or check run name). */
export interface CheckFact {
  readonly context: string;
  readonly source: "status" | "check_run";
  readonly outcome: CheckOutcome;
}

/** A deploy that was triggered and is waiting for its gates. */
export interface PendingDeploy {
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly trigger: "push" | "pull_request" | "command" | "hook" | "admin";
}

/** A lock in force on an environment, or on every environment (`environment` = "*"). */
export interface LockFact {
  readonly environment: string;
  readonly owner: string;
  /** The pull request the lock was taken from; that pull request's own deploys pass it. */
  readonly pr: number | null;
  readonly reason: string | null;
  readonly expiresAt: Date | null;
}

/** Everything the engine knows besides the event and the config. */
export interface EngineState {
  /** Deploys waiting on this repository that the event may concern. */
  readonly pending: readonly PendingDeploy[];
  /** Newest check facts for the commit being decided. */
  readonly checks: readonly CheckFact[];
  /** Environments (rendered names) that already have a deployment of the commit. */
  readonly deployedEnvironments: ReadonlySet<string>;
  /** Locks in force on the repository. */
  readonly locks: readonly LockFact[];
}

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

interface DecisionBase {
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly reason: ReasonCode;
  /** One human sentence; may quote refs and names, so renderers must escape it. */
  readonly message: string;
}

/**
 * What the engine decided for one target:
 * - `deploy`: create this deployment now;
 * - `wait`: keep (or start) a pending deploy and re-evaluate on the next check event;
 * - `drop`: forget the pending deploy, if any (superseded, already deployed, not permitted…).
 */
export type Decision =
  | (DecisionBase & { readonly action: "deploy"; readonly request: DeploymentRequest })
  | (DecisionBase & { readonly action: "wait"; readonly trigger: PendingDeploy["trigger"] })
  | (DecisionBase & { readonly action: "drop" });
