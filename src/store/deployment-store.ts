import type { DeploymentRecord, DeploymentStatusRecord, DeploymentTrigger } from "../domain/deployments.js";
import type { Lifecycle } from "../domain/lifecycle.js";

/**
 * A deployment with where it stands: its newest status by GitHub's id (statuses arrive out of
 * order) among those whose state GitHub documents, and that state's lifecycle. Before any status
 * the deployment is `created` and the status fields are null.
 */
export interface DeploymentWithState extends DeploymentRecord {
  /** GitHub's state of the newest status (`in_progress`, `success`…), or null when no status arrived yet. */
  readonly state: string | null;
  readonly lifecycle: Lifecycle;
  /** When the newest status was reported. */
  readonly stateAt: Date | null;
  readonly statusDescription: string | null;
  readonly environmentUrl: string | null;
  readonly logUrl: string | null;
}

/** A deployment with every status GitHub reported for it, oldest first (unknown states included). */
export interface DeploymentHistory extends DeploymentWithState {
  readonly statuses: readonly DeploymentStatusRecord[];
}

/** Which deployments {@link DeploymentStore.searchDeployments} returns; an omitted field does not filter. */
export interface DeploymentSearch {
  readonly environment?: string;
  /** Where the deployment stands now (its newest status). */
  readonly lifecycle?: Lifecycle;
  readonly trigger?: DeploymentTrigger;
  /** A login, compared case-insensitively. */
  readonly creator?: string;
  /** At most this many (clamped to 0…200), after skipping `offset`. */
  readonly limit: number;
  readonly offset?: number;
}

/** Deployments and their statuses, whoever created them. */
export interface DeploymentStore {
  /**
   * Inserts or updates a deployment by GitHub id. What only some sources know (target, pull
   * request, creator, trigger, description) is never erased by a record that lacks it.
   */
  recordDeployment(deployment: DeploymentRecord): Promise<void>;
  /** Inserts a status by GitHub id; repeated deliveries are harmless, and one may precede its deployment. */
  recordDeploymentStatus(status: DeploymentStatusRecord): Promise<void>;
  /** A deployment of the repository with all its statuses; undefined when it was never seen (or was pruned). */
  getDeployment(repoId: number, id: number): Promise<DeploymentHistory | undefined>;
  /** The id of the deployment's newest status in a state GitHub documents; null before any. */
  newestStatusId(deploymentId: number): Promise<number | null>;
  /** Transient deployments of a pull request whose newest status is not `inactive`. */
  listActiveTransientDeployments(repoId: number, pr: number): Promise<DeploymentWithState[]>;
  /**
   * Deployments of the repository created since `since` that are still `created` or `started`, newest
   * first (20 at most): what is shipping now, or should be.
   */
  listDeploymentsInFlight(repoId: number, since: Date): Promise<DeploymentWithState[]>;
  /** Deployments of one environment, newest first (20 unless `limit` says otherwise), each with its newest status. */
  listDeployments(repoId: number, environment: string, limit?: number): Promise<DeploymentWithState[]>;
  /** Each environment's newest deployment in these repositories, with its state: what is deployed where. By repository, then environment. */
  listCurrentDeployments(repoIds: readonly number[]): Promise<DeploymentWithState[]>;
  /**
   * The newest deployment of each of these commits to each environment, with its state: where a
   * commit went. By commit, then environment.
   */
  listDeploymentsOfCommits(repoId: number, shas: readonly string[]): Promise<DeploymentWithState[]>;
  /** The repository's deployments matching `search`, newest first. */
  searchDeployments(repoId: number, search: DeploymentSearch): Promise<DeploymentWithState[]>;
  /** The environments the repository has deployed to (as far as the history reaches), by name. */
  listEnvironments(repoId: number): Promise<string[]>;
  /**
   * Deletes up to `limit` deployments created before `createdBefore`, with their statuses, keeping
   * each environment's newest deployment whatever its age; and statuses of deployments never seen
   * that were reported before then. Returns how many deployments it deleted.
   */
  pruneDeployments(createdBefore: Date, limit: number): Promise<number>;
  /**
   * The repository's deployments (of one environment, or all when undefined) created since
   * `since`, oldest first, with their statuses and commit times: what the DORA metrics are
   * computed from. Two queries however many deployments; at most {@link METRICS_DEPLOYMENT_LIMIT},
   * the newest.
   */
  listDeploymentsForMetrics(repoId: number, environment: string | undefined, since: Date): Promise<MetricsDeployment[]>;
}

/** A deployment as the DORA metrics read it: its statuses (oldest first by id) and when its commit was made. */
export interface MetricsDeployment {
  readonly id: number;
  readonly environment: string;
  readonly sha: string;
  readonly createdAt: Date;
  /** From the push that brought the commit (`commit_times`); null when no push told. */
  readonly commitTime: Date | null;
  /** Those in a state GitHub documents, by id. */
  readonly statuses: readonly { readonly id: number; readonly state: string; readonly createdAt: Date }[];
}

/** The most deployments one metrics query reads: the newest, when a repository has more. */
export const METRICS_DEPLOYMENT_LIMIT = 20_000;
