import { GLOBAL_LOCK } from "../../domain/locks.js";
import type { DeploymentWithState } from "../../store/deployment-store.js";
import type { DecisionRecord } from "../../store/decision-store.js";
import type { LockRecord } from "../../store/lock-store.js";
import type { PendingRecord } from "../../store/pending-store.js";
import { ConfigBox, DeployForm, LockForm, RollbackForm, UnlockForm, type ConfigStatus } from "./action-forms.js";
import { CommitLink, StateLabel, TimeAgo } from "./components.js";
import { DeploymentTable, isWebUrl } from "./deployment-table.js";
import { Layout, type Live, type Viewer } from "./layout.js";

/** A deploy waiting for its gates, with the latest decision about it (why it waits). */
export interface WaitingDeploy {
  readonly pending: PendingRecord;
  readonly why: DecisionRecord | undefined;
}

/** What the repository page shows, all of it from the store. */
export interface RepositoryView {
  readonly owner: string;
  readonly name: string;
  readonly repoUrl: string;
  readonly current: readonly DeploymentWithState[];
  readonly inFlight: readonly DeploymentWithState[];
  readonly waiting: readonly WaitingDeploy[];
  readonly locks: readonly LockRecord[];
  readonly recent: readonly DeploymentWithState[];
  readonly config: ConfigStatus;
  /** The deploy form's one-time request id. */
  readonly requestId: string;
}

/** One repository: each environment's current deployment, what is in flight, what waits and why, locks, the latest deployments. */
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
        {view.waiting.length === 0 ? (
          <p class="color-fg-muted">Nothing waits.</p>
        ) : (
          <ul class="list-style-none" data-testid="waiting">
            {view.waiting.map(({ pending, why }) => (
              <li class="py-1" key={`${pending.target}:${pending.ref}`}>
                <span class="text-bold">{pending.target}</span> <CommitLink repoUrl={view.repoUrl} sha={pending.sha} />{" "}
                <span class="color-fg-muted">{pending.ref}</span>
                {why === undefined ? null : (
                  <span>
                    {" "}
                    — <code>{why.reason}</code> {why.message}
                  </span>
                )}{" "}
                <a class="f6" href={`${base}/why?${new URLSearchParams({ sha: pending.sha, target: pending.target })}`}>
                  why
                </a>
              </li>
            ))}
          </ul>
        )}
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
