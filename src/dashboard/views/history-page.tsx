import { DEPLOYMENT_TRIGGERS } from "../../domain/deployments.js";
import { LIFECYCLE_STATES } from "../../domain/lifecycle.js";
import type { DeploymentWithState } from "../../store/deployment-store.js";
import { DeploymentTable } from "./deployment-table.js";
import { Layout, type Viewer } from "./layout.js";

/** What deployment triggers the filter offers. */

/** The history's filters as the query string carries them. */
export interface HistoryFilter {
  readonly environment?: string;
  readonly lifecycle?: string;
  readonly trigger?: string;
  readonly creator?: string;
}

/** One page of a repository's deployments, filtered. */
export interface HistoryView {
  readonly owner: string;
  readonly name: string;
  readonly repoUrl: string;
  readonly filter: HistoryFilter;
  readonly environments: readonly string[];
  readonly deployments: readonly DeploymentWithState[];
  /** 1-based. */
  readonly page: number;
  readonly hasNext: boolean;
}

/** The deployment history with filters (a GET form: works without JavaScript) and paging. */
export function HistoryPage(props: { readonly viewer: Viewer; readonly now: Date; readonly view: HistoryView }) {
  const { view } = props;
  const base = `/dashboard/${encodeURIComponent(view.owner)}/${encodeURIComponent(view.name)}`;
  const pageLink = (page: number) =>
    `${base}/deployments?${new URLSearchParams({ ...definedOf(view.filter), page: String(page) })}`;
  return (
    <Layout title={`Deployments · ${view.owner}/${view.name}`} viewer={props.viewer}>
      <nav class="mb-3 color-fg-muted">
        <a href="/dashboard">Repositories</a> / {view.owner} / <a href={base}>{view.name}</a> / <strong>deployments</strong>
      </nav>
      <form method="get" action={`${base}/deployments`} class="d-flex flex-wrap gap-2 mb-3" data-testid="filters">
        <Select name="environment" label="Environment" value={view.filter.environment} options={view.environments} />
        <Select name="lifecycle" label="State" value={view.filter.lifecycle} options={LIFECYCLE_STATES} />
        <Select name="trigger" label="Started by" value={view.filter.trigger} options={DEPLOYMENT_TRIGGERS} />
        <label class="d-flex flex-items-center gap-1">
          Creator
          <input class="form-control input-sm" type="text" name="creator" value={view.filter.creator ?? ""} maxLength={39} />
        </label>
        <button class="btn btn-sm" type="submit">
          Filter
        </button>
      </form>
      <DeploymentTable deployments={view.deployments} repoUrl={view.repoUrl} now={props.now} />
      <nav class="paginate-container" aria-label="Pages">
        <div class="pagination">
          {view.page > 1 ? (
            <a class="previous_page" rel="prev" href={pageLink(view.page - 1)}>
              Previous
            </a>
          ) : (
            <span class="previous_page" aria-disabled="true">
              Previous
            </span>
          )}
          <em aria-current="page">{view.page}</em>
          {view.hasNext ? (
            <a class="next_page" rel="next" href={pageLink(view.page + 1)}>
              Next
            </a>
          ) : (
            <span class="next_page" aria-disabled="true">
              Next
            </span>
          )}
        </div>
      </nav>
    </Layout>
  );
}

function Select(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string | undefined;
  readonly options: readonly string[];
}) {
  return (
    <label class="d-flex flex-items-center gap-1">
      {props.label}
      <select class="form-select input-sm" name={props.name}>
        <option value="">any</option>
        {props.options.map((option) => (
          <option value={option} selected={option === props.value} key={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

function definedOf(filter: HistoryFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
