import type { ApprovalFact } from "../domain/approvals.js";
import type { CheckFact } from "../domain/checks.js";
import type { DeploymentRequest, DeploymentWatch, PendingDeploy } from "../domain/deployments.js";
import type { Lifecycle } from "../domain/lifecycle.js";
import type { LockFact } from "../domain/locks.js";
import type { MergeGroupFact } from "../domain/merge-groups.js";
import type { ReasonCode } from "../domain/reason-codes.js";

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
  /** The time the decision is made at (the engine never reads a clock): freeze windows depend on it. */
  readonly now: Date;
  /** Each environment's newest deployment, when a promotion waits (else empty): where the commit stands upstream. */
  readonly upstream: readonly UpstreamFact[];
  /** What people said about deploying the commit (`/approve`, `/reject`), every target's. */
  readonly approvals: readonly ApprovalFact[];
  /**
   * The repository's recent merge groups, newest first, when the decision needs them (see
   * `needsMergeGroups`); else empty.
   */
  readonly mergeGroups: readonly MergeGroupFact[];
}

/** The newest deployment of an environment, as a promotion from it reads it. */
export interface UpstreamFact {
  readonly environment: string;
  readonly sha: string;
  readonly lifecycle: Lifecycle;
  /** When it reached its state; null before any status. */
  readonly stateAt: Date | null;
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
  | (DecisionBase & { readonly action: "deploy"; readonly request: DeploymentRequest; readonly watch: DeploymentWatch })
  | (DecisionBase & {
      readonly action: "wait";
      readonly trigger: PendingDeploy["trigger"];
      /** When to decide again without an event (a freeze's end); undefined: on the next check or lock event. */
      readonly wakeAt?: Date;
    })
  | (DecisionBase & { readonly action: "drop" });

/** A decision to create a deployment now. */
export type DeployDecision = Extract<Decision, { action: "deploy" }>;
