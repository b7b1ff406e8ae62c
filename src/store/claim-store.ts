/** The `via` of an auto-deploy claim; see {@link DeployClaim.via} for the others. */
export const AUTO_CLAIM = "auto";

/** A claim on (repository, environment, commit), taken before asking GitHub, so it happens once. */
export interface DeployClaim {
  readonly repoId: number;
  readonly environment: string;
  readonly sha: string;
  readonly target: string;
  readonly ref: string;
  readonly pr: number | null;
  readonly transient: boolean;
  /**
   * What the claim dedupes: `auto` for auto-deploys (one per environment and commit, ever),
   * `comment:<id>` for a command (one per command comment, so a commit can be deployed again on
   * request, e.g. a rollback), or `hook:<hook-id>:<request-id>` for an inbound deploy hook (one per
   * request of that hook, whichever commit and environment it resolved to), or `admin:<request-id>`
   * for `deliverybot deploy` through the admin API (likewise one per request id).
   */
  readonly via: string;
}

/**
 * The outcome of claiming: `claimed` (go ahead), `reclaimed` (this claim's earlier intent was left
 * by a process that died before recording the outcome: look for its deployment before creating
 * one), `in_progress` (an intent that blocks this claim is still fresh: ask again after `until`)
 * or `taken` (deployed, or claimed by someone else for good).
 */
export type ClaimResult =
  { readonly kind: "claimed" | "reclaimed" | "taken" } | { readonly kind: "in_progress"; readonly until: Date };

/** Claims that make "deploy this commit there" happen once. */
export interface ClaimStore {
  /**
   * Takes the claim as an intent at `now` (see {@link ClaimResult}). An `auto` claim is refused when
   * the commit has any claim or deployment in that environment; a `comment:<id>` claim only when that
   * comment already claimed it; hook and admin claims when that request was claimed. An intent not
   * settled within `leaseMs` may be reclaimed by the same claim.
   */
  claimDeployment(claim: DeployClaim, now: Date, leaseMs: number): Promise<ClaimResult>;
  /** Marks the claim settled: its deployment was created (or found) and recorded. */
  settleDeployment(
    claim: Pick<DeployClaim, "repoId" | "environment" | "sha" | "via">,
    deploymentId: number,
    now: Date,
  ): Promise<void>;
  /**
   * Gives a claim back after GitHub did not create the deployment. Releases only the claim with
   * that `via` (the caller's own; `auto` unless given): the other claims of the commit in that
   * environment led to deployments and stay.
   */
  releaseDeployment(repoId: number, environment: string, sha: string, via?: string): Promise<void>;
  /**
   * Environments where the commit has a deployment or a settled claim (the engine's `deployedEnvironments`),
   * sorted. An intent does not count: claiming again tells whether it is in progress or was left by a dead process.
   */
  listDeployedEnvironments(repoId: number, sha: string): Promise<string[]>;
}
