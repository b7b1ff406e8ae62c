import type { CheckSummary } from "../../domain/checks.js";
import { GLOBAL_LOCK } from "../../domain/locks.js";
import type { RecentCommit } from "../../github/list-recent-commits.js";
import type { DeploymentWithState } from "../../store/deployment-store.js";
import type { LockRecord } from "../../store/lock-store.js";
import { ConfigBox, DeployForm, LockForm, RollbackForm, UnlockForm, type ConfigStatus } from "./action-forms.js";
import { CommitLink, StateLabel, TimeAgo } from "./components.js";
import { DeploymentTable, isWebUrl } from "./deployment-table.js";
import { Layout, type Live, type Viewer } from "./layout.js";
import { WaitingList, type HeldJob, type WaitingAsk, type WaitingDeploy } from "./waiting-list.js";

/** A commit of the default branch with its checks and where it went. */
export interface CommitRow {
  readonly commit: RecentCommit;
  readonly checks: CheckSummary;
  /** Its newest deployment per environment; `current` when that environment runs it now. */
  readonly deployments: readonly { readonly deployment: DeploymentWithState; readonly current: boolean }[];
}

/** What the repository page reads from the store (the commits' list from GitHub). */
export interface RepositoryData {
  readonly current: readonly DeploymentWithState[];
  readonly inFlight: readonly DeploymentWithState[];
  readonly waiting: readonly WaitingDeploy[];
  /** Deploys commands, hooks, the admin API and the dashboard asked for, waiting for approvals. */
  readonly asked: readonly WaitingAsk[];
  /** Workflow jobs whose protection rule request Deliverybot holds (each with why, once told). */
  readonly heldJobs: readonly HeldJob[];
  readonly locks: readonly LockRecord[];
  readonly recent: readonly DeploymentWithState[];
  /** The default branch's newest commits; undefined when GitHub could not be asked. */
  readonly commits: readonly CommitRow[] | undefined;
}

/** Everything the repository page shows. */
export interface RepositoryView extends RepositoryData {
  readonly owner: string;
  readonly name: string;
  readonly repoUrl: string;
  readonly config: ConfigStatus;
  /** The deploy form's one-time request id. */
  readonly requestId: string;
}

/** One repository: each environment's current deployment, what is in flight, what waits and why, locks, commits, the latest deployments. */
export function RepositoryPage(props: {
  readonly viewer: Viewer;
  readonly now: Date;
  readonly view: RepositoryView;
  readonly live?: Live;
}) {
  const { view, now } = props;
  const base = `/dashboard/${encodeURIComponent(view.owner)}/${encodeURIComponent(view.name)}`;
  return (
    <Layout
      title={`${view.owner}/${view.name}`}
      viewer={props.viewer}
      {...(props.live === undefined ? {} : { live: props.live })}
    >
      <nav class="mb-3 color-fg-muted">
        <a href="/dashboard">Repositories</a> / {view.owner} / <strong>{view.name}</strong>
      </nav>
      <h1 class="h2 mb-3">
        <a href={view.repoUrl}>
          {view.owner}/{view.name}
        </a>
      </h1>

      <section class="mb-4">
        <h2 class="h4 mb-2">Configuration</h2>
        <ConfigBox status={view.config} />
        {view.config.kind === "ok" && view.config.targets.length > 0 ? (
          <DeployForm
            action={`${base}/deploy`}
            csrf={props.viewer.csrf}
            requestId={view.requestId}
            targets={view.config.targets}
            defaultTarget={view.config.defaultTarget}
          />
        ) : null}
      </section>

      <section class="mb-4">
        <h2 class="h4 mb-2">Environments</h2>
        {view.current.length === 0 ? (
          <p class="color-fg-muted">Nothing deployed yet.</p>
        ) : (
          <div class="d-flex flex-wrap gap-3">
            {view.current.map((deployment) => (
              <div class="Box p-3 environment" key={deployment.environment} data-environment={deployment.environment}>
                <div class="text-bold f4">{deployment.environment}</div>
                <div class="mt-1">
                  <CommitLink repoUrl={view.repoUrl} sha={deployment.sha} />{" "}
                  <StateLabel lifecycle={deployment.lifecycle} state={deployment.state} />
                </div>
                <div class="color-fg-muted text-small mt-1">
                  {deployment.ref} · <TimeAgo at={deployment.stateAt ?? deployment.createdAt} now={now} />
                  {deployment.creator === null ? null : ` · by ${deployment.creator}`}
                </div>
                {isWebUrl(deployment.environmentUrl) ? (
                  <a class="text-small" href={deployment.environmentUrl}>
                    {deployment.environmentUrl}
                  </a>
                ) : null}
                {view.config.kind === "ok" ? (
                  <div>
                    <RollbackForm
                      action={`${base}/rollback`}
                      csrf={props.viewer.csrf}
                      requestId={view.requestId}
                      environment={deployment.environment}
                    />
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        )}
      </section>

      {view.inFlight.length === 0 ? null : (
        <section class="mb-4">
          <h2 class="h4 mb-2">In flight</h2>
          <DeploymentTable deployments={view.inFlight} repoUrl={view.repoUrl} now={now} />
        </section>
      )}

      <section class="mb-4">
        <h2 class="h4 mb-2">Waiting</h2>
        <WaitingList
          waiting={view.waiting}
          asked={view.asked}
          heldJobs={view.heldJobs}
          repoUrl={view.repoUrl}
          base={base}
          csrf={props.viewer.csrf}
          now={now}
        />
      </section>

      <section class="mb-4">
        <h2 class="h4 mb-2">Locks</h2>
        {view.locks.length === 0 ? (
          <p class="color-fg-muted">No locks.</p>
        ) : (
          <ul class="list-style-none" data-testid="locks">
            {view.locks.map((lock) => (
              <li class="py-1" key={lock.environment}>
                <span class="text-bold">{lock.environment === GLOBAL_LOCK ? "every environment" : lock.environment}</span> locked
                by {lock.owner}
                {lock.reason === null ? null : <span>: {lock.reason}</span>}
                {lock.expiresAt === null ? " (until unlocked)" : ` (until ${lock.expiresAt.toISOString()})`}
                <UnlockForm action={`${base}/unlock`} csrf={props.viewer.csrf} target={lock.target} />
              </li>
            ))}
          </ul>
        )}
        {view.config.kind === "ok" ? (
          <LockForm action={`${base}/lock`} csrf={props.viewer.csrf} targets={view.config.targets} />
        ) : null}
      </section>

      <section class="mb-4">
        <h2 class="h4 mb-2">Commits on the default branch</h2>
        <CommitTable commits={view.commits} repoUrl={view.repoUrl} base={base} now={now} />
      </section>

      <section>
        <h2 class="h4 mb-2">
          Latest deployments{" "}
          <a class="f6 ml-2" href={`${base}/deployments`}>
            all deployments
          </a>
          <a class="f6 ml-2" href={`${base}/metrics`}>
            metrics
          </a>
        </h2>
        <DeploymentTable deployments={view.recent} repoUrl={view.repoUrl} now={now} />
      </section>
    </Layout>
  );
}

/** Primer's label colour for a commit's combined check state. */
const CHECK_CLASS: Readonly<Record<CheckSummary["state"], string>> = {
  success: "Label--success",
  failure: "Label--danger",
  pending: "Label--attention",
  none: "Label--secondary",
};

/** The default branch's commits: message, author, checks, and the environments each went to. */
function CommitTable(props: {
  readonly commits: readonly CommitRow[] | undefined;
  readonly repoUrl: string;
  readonly base: string;
  readonly now: Date;
}) {
  if (props.commits === undefined)
    return <p class="color-fg-muted">GitHub could not be asked for the commits; try again later.</p>;
  if (props.commits.length === 0) return <p class="color-fg-muted">The default branch has no commits.</p>;
  return (
    <table class="width-full commits" data-testid="commits">
      <thead>
        <tr>
          <th>Commit</th>
          <th>Message</th>
          <th>Author</th>
          <th>Checks</th>
          <th>Deployed to</th>
        </tr>
      </thead>
      <tbody>
        {props.commits.map(({ commit, checks, deployments }) => (
          <tr key={commit.sha} data-sha={commit.sha}>
            <td class="text-no-wrap">
              <CommitLink repoUrl={props.repoUrl} sha={commit.sha} />{" "}
              <a class="f6" href={`${props.base}/why?${new URLSearchParams({ sha: commit.sha })}`}>
                why
              </a>
            </td>
            <td class="commit-message">{commit.headline}</td>
            <td>
              {commit.author}{" "}
              <span class="color-fg-muted text-small">
                <TimeAgo at={commit.authoredAt} now={props.now} />
              </span>
            </td>
            <td>
              <span class={`Label ${CHECK_CLASS[checks.state]}`} title={checkTitle(checks)}>
                {checks.state === "none" ? "no checks" : `${checks.state} ${checks.succeeded}/${checks.total}`}
              </span>
            </td>
            <td>
              {deployments.map(({ deployment, current }) => (
                <span
                  key={deployment.environment}
                  class={`mr-2 deployed${current ? " text-bold" : " color-fg-muted"}`}
                  data-environment={deployment.environment}
                  title={current ? "deployed there now" : "deployed there before; a newer deployment replaced it"}
                >
                  {deployment.environment} <StateLabel lifecycle={deployment.lifecycle} state={deployment.state} />
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The tooltip of a check label: which checks failed, or how many passed. */
function checkTitle(checks: CheckSummary): string {
  if (checks.state === "none") return "No check has reported on this commit.";
  if (checks.failing.length > 0) return `Failing: ${checks.failing.join(", ")}`;
  return `${checks.succeeded} of ${checks.total} checks passed`;
}
