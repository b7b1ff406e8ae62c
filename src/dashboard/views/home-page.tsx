import type { DeploymentWithState } from "../../store/deployment-store.js";
import type { VisibleRepository } from "../../github/user-github.js";
import { CommitLink, StateLabel, TimeAgo } from "./components.js";
import { Layout, type Viewer } from "./layout.js";

/** One repository the user can see, with what is deployed in each of its environments. */
export interface RepositoryRow {
  readonly repo: VisibleRepository;
  readonly repoUrl: string;
  readonly current: readonly DeploymentWithState[];
}

/** The signed-in user's repositories, by owner (one installation each), each with its environments. */
export function HomePage(props: { readonly viewer: Viewer; readonly now: Date; readonly rows: readonly RepositoryRow[] }) {
  const owners = [...new Set(props.rows.map((row) => row.repo.owner))];
  return (
    <Layout title="Repositories" viewer={props.viewer}>
      {owners.length === 0 ? (
        <div class="blankslate">
          <h1 class="blankslate-heading">No repositories</h1>
          <p>The app is not installed on a repository you can see on GitHub.</p>
        </div>
      ) : null}
      {owners.map((owner) => (
        <section class="mb-4" key={owner}>
          <h2 class="h3 mb-2">{owner}</h2>
          <div class="Box">
            {props.rows
              .filter((row) => row.repo.owner === owner)
              .map((row) => (
                <RepositoryBox row={row} now={props.now} key={row.repo.id} />
              ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}

function RepositoryBox(props: { readonly row: RepositoryRow; readonly now: Date }) {
  const { repo, current, repoUrl } = props.row;
  return (
    <div class="Box-row" data-testid="repository">
      <a class="f4 text-bold" href={`/dashboard/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`}>
        {repo.name}
      </a>
      {repo.private ? <span class="Label ml-2">Private</span> : null}
      {current.length === 0 ? (
        <p class="color-fg-muted mb-0">No deployments yet.</p>
      ) : (
        <ul class="list-style-none mt-1">
          {current.map((deployment) => (
            <li key={deployment.environment} class="d-flex flex-items-center flex-wrap gap-2 py-1">
              <span class="text-bold">{deployment.environment}</span>
              <CommitLink repoUrl={repoUrl} sha={deployment.sha} />
              <StateLabel lifecycle={deployment.lifecycle} state={deployment.state} />
              <TimeAgo at={deployment.stateAt ?? deployment.createdAt} now={props.now} />
              {deployment.creator === null ? null : <span class="color-fg-muted">by {deployment.creator}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
